package org.followthrough.signals.web;

import java.util.List;
import org.followthrough.common.InvalidInput;
import org.followthrough.signals.Signals;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Web inquiries that did not simply become a prospect and a call, newest first: rejected (and why),
 * still failing (retried), or taken with a value set aside. An acknowledged inquiry never vanishes:
 * it is a prospect's call or it is here.
 */
@RestController
@PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
class InquiryProblemsController {

    private final Signals signals;

    InquiryProblemsController(Signals signals) {
        this.signals = signals;
    }

    @GetMapping("/api/v1/admin/inquiry-problems")
    List<Signals.InquiryOutcome> problems(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw InvalidInput.of("limit", "must be 1 to 1000, not " + limit);
        }
        return signals.inquiryProblems(limit);
    }
}
