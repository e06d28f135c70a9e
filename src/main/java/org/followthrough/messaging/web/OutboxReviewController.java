package org.followthrough.messaging.web;

import java.util.List;
import java.util.UUID;
import org.followthrough.common.PlainText;
import org.followthrough.messaging.OutboxReview;
import org.followthrough.team.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any email opened whole, and an email still waiting (a draft under review, or one not yet due)
 * edited, skipped or sent now: a rep the emails sent in their name, managers and admins every one.
 */
@RestController
class OutboxReviewController {

    record EmailEdit(String subject, @PlainText.MultiLine String body) {}

    private final OutboxReview review;

    OutboxReviewController(OutboxReview review) {
        this.review = review;
    }

    @GetMapping("/api/v1/outbox/review")
    List<OutboxReview.Email> toReview(Actor actor) {
        return review.toReview(actor);
    }

    @GetMapping("/api/v1/outbox/{id}/email")
    OutboxReview.Email open(@PathVariable UUID id, Actor actor) {
        return review.open(actor, id);
    }

    @PatchMapping("/api/v1/outbox/{id}")
    OutboxReview.Email edit(@PathVariable UUID id, @RequestBody EmailEdit edit, Actor actor) {
        return review.edit(actor, id, edit.subject(), edit.body());
    }

    @PostMapping("/api/v1/outbox/{id}/skip")
    OutboxReview.Email skip(@PathVariable UUID id, Actor actor) {
        return review.skip(actor, id);
    }

    @PostMapping("/api/v1/outbox/{id}/send")
    OutboxReview.Email send(@PathVariable UUID id, Actor actor) {
        return review.sendNow(actor, id);
    }
}
