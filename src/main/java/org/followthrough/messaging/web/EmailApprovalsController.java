package org.followthrough.messaging.web;

import java.util.List;
import org.followthrough.messaging.EmailApprovals;
import org.followthrough.team.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The emails in the caller's queue to approve before they go out. */
@RestController
class EmailApprovalsController {

    private final EmailApprovals approvals;

    EmailApprovalsController(EmailApprovals approvals) {
        this.approvals = approvals;
    }

    @GetMapping("/api/v1/queue/approvals")
    List<EmailApprovals.Approval> approvals(Actor actor) {
        return approvals.of(actor);
    }
}
