package org.followthrough.prospects.web;

import java.util.List;
import org.followthrough.prospects.InquiryOwners;
import org.followthrough.team.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators choose who takes the people new web inquiries bring, in turn (none chosen: every active rep). */
@RestController
@RequestMapping("/api/v1/admin/inquiry-owners")
@PreAuthorize("hasRole('ADMIN')")
class InquiryOwnersController {

    record Choose(List<String> owners) {}

    private final InquiryOwners inquiryOwners;

    InquiryOwnersController(InquiryOwners inquiryOwners) {
        this.inquiryOwners = inquiryOwners;
    }

    @GetMapping
    InquiryOwners.Choice choice() {
        return inquiryOwners.choice();
    }

    @PutMapping
    InquiryOwners.Choice choose(Actor actor, @RequestBody Choose request) {
        return inquiryOwners.choose(actor, request.owners());
    }
}
