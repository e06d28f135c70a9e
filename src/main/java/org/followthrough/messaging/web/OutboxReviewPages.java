package org.followthrough.messaging.web;

import java.util.Map;
import java.util.UUID;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.messaging.OutboxReview;
import org.followthrough.team.Actor;
import org.followthrough.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The drafts a rep approves, and any email opened whole with its edit, skip and send-now buttons. */
@Controller
@Page
class OutboxReviewPages {

    private final OutboxReview review;

    OutboxReviewPages(OutboxReview review) {
        this.review = review;
    }

    @GetMapping("/outbox/review")
    String toReview(Actor actor, Model model) {
        model.addAttribute("emails", review.toReview(actor));
        return "messaging/review";
    }

    @GetMapping("/outbox/{id}")
    String open(@PathVariable UUID id, Actor actor, Model model) {
        var email = review.open(actor, id);
        return page(email, email.subject(), email.body(), Map.of(), model);
    }

    @PostMapping("/outbox/{id}")
    String act(
            @PathVariable UUID id,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String body,
            @RequestParam String action,
            Actor actor,
            Model model,
            RedirectAttributes redirect) {
        try {
            switch (action) {
                case "save" -> review.edit(actor, id, subject, body);
                case "send" -> {
                    if (subject != null && body != null) {
                        review.edit(actor, id, subject, body);
                    }
                    review.sendNow(actor, id);
                }
                case "skip" -> review.skip(actor, id);
                default -> throw InvalidInput.of("action", "must be save, send or skip");
            }
        } catch (InvalidInput invalid) {
            var errors = new java.util.HashMap<String, String>();
            invalid.problems().forEach(p -> errors.put(p.field(), p.message()));
            return page(review.open(actor, id), subject, body, errors, model);
        } catch (Refusal refused) {
            if (refused.status().value() == 404) {
                throw refused;
            }
            redirect.addFlashAttribute("refused", refused.getMessage());
            return "redirect:/outbox/" + id;
        }
        redirect.addAttribute("done", action);
        return "redirect:/outbox/" + id;
    }

    private String page(
            OutboxReview.Email email, String subject, String body, Map<String, String> errors, Model model) {
        model.addAttribute("email", email);
        model.addAttribute("subject", subject);
        model.addAttribute("body", body);
        model.addAttribute("errors", errors);
        return "messaging/email";
    }
}
