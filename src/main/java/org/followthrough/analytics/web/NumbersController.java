package org.followthrough.analytics.web;

import org.followthrough.analytics.Numbers;
import org.followthrough.analytics.Summary;
import org.followthrough.team.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The team's numbers (R19) as JSON. */
@RestController
class NumbersController {

    private final Numbers numbers;

    NumbersController(Numbers numbers) {
        this.numbers = numbers;
    }

    /**
     * Over the last {@code days} days (90 unless given); {@code owner} (a member's email or {@code me})
     * narrows a manager's numbers to one member; a rep's are always their own.
     */
    @GetMapping("/api/v1/analytics/summary")
    Summary summary(
            Actor actor, @RequestParam(required = false) String owner, @RequestParam(required = false) Integer days) {
        return numbers.summary(actor, owner, days);
    }
}
