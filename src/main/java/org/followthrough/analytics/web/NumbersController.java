package org.followthrough.analytics.web;

import org.followthrough.analytics.Numbers;
import org.followthrough.analytics.Summary;
import org.followthrough.analytics.TeamComparison;
import org.followthrough.analytics.VariantNumbers;
import org.followthrough.team.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The team's numbers (R19) as JSON. */
@RestController
class NumbersController {

    private final Numbers numbers;
    private final VariantNumbers variants;
    private final TeamComparison comparison;

    NumbersController(Numbers numbers, VariantNumbers variants, TeamComparison comparison) {
        this.numbers = numbers;
        this.variants = variants;
        this.comparison = comparison;
    }

    /** The members side by side over the last {@code weeks} weeks (8 unless given), each figure by week; managers and admins. */
    @GetMapping("/api/v1/analytics/team")
    TeamComparison.Comparison team(Actor actor, @RequestParam(required = false) Integer weeks) {
        return comparison.compare(actor, weeks);
    }

    /**
     * Each cadence step's wordings (A/B variants) side by side over the last {@code days} days, with
     * the winner of each outcome where the stated rule says the difference is real.
     */
    @GetMapping("/api/v1/analytics/variants")
    VariantNumbers.Report variants(
            Actor actor, @RequestParam(required = false) String owner, @RequestParam(required = false) Integer days) {
        return variants.report(actor, owner, days);
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
