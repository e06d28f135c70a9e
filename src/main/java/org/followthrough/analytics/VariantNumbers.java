package org.followthrough.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.ToLongFunction;
import org.followthrough.cadence.Cadences;
import org.followthrough.cadence.Channel;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.team.Actor;
import org.followthrough.team.Member;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How each wording of a cadence step does against the others (A/B variants): per step and variant,
 * how many were sent (voicemails left), opened, clicked, replied to, and followed by a connected call
 * or a booked meeting, with the winner of each outcome named only when {@link WinnerRule} says the
 * difference is real.
 */
@Service
public class VariantNumbers {

    /** The outcomes compared, in the order the page shows them; an email's opens and clicks only for email. */
    public enum Outcome {
        OPENED,
        CLICKED,
        REPLIED,
        CONNECTED,
        BOOKED
    }

    public record Report(
            Summary.Scope scope, String rule, int attributionDays, int minimumSent, List<StepResult> steps) {}

    public record StepResult(
            String cadence,
            String cadenceName,
            int step,
            Channel channel,
            List<VariantResult> variants,
            List<OutcomeVerdict> verdicts) {}

    public record VariantResult(
            String variant,
            String template,
            long given,
            long sent,
            Long opened,
            Long clicked,
            long replied,
            long connected,
            long booked,
            Double openRate,
            Double clickRate,
            double replyRate,
            double connectRate,
            double bookRate) {}

    public record OutcomeVerdict(Outcome outcome, String winner, String test, Double pValue, String why) {}

    private final VariantExposures exposures;
    private final Numbers numbers;
    private final Cadences cadences;
    private final Clock clock;

    VariantNumbers(VariantExposures exposures, Numbers numbers, Cadences cadences, Clock clock) {
        this.exposures = exposures;
        this.numbers = numbers;
        this.cadences = cadences;
        this.clock = clock;
    }

    /** Over the last {@code days} days (90 unless given): a rep's own prospects, a manager's team or one member's. */
    @Transactional
    public Report report(Actor actor, String owner, Integer days) {
        var problems = new InvalidInput.Collector();
        var period = days == null ? Numbers.DEFAULT_DAYS : days;
        if (period < 1 || period > Numbers.MAX_DAYS) {
            problems.add("days", "must be between 1 and " + Numbers.MAX_DAYS + ", not " + period);
        }
        Member member = null;
        try {
            member = numbers.member(actor, owner);
        } catch (InvalidInput refused) {
            refused.problems().forEach(p -> problems.add(p.field(), p.message()));
        }
        problems.throwIfAny();
        var to = clock.instant();
        var from = to.minus(Duration.ofDays(period));
        return report(from, to, member);
    }

    Report report(Instant from, Instant to, Member member) {
        var byStep = new LinkedHashMap<String, List<VariantExposures.Tally>>();
        for (var t : exposures.tally(from, to, member == null ? null : member.id())) {
            byStep.computeIfAbsent(t.cadenceKey() + "/" + t.stepN() + "/" + t.channel(), k -> new ArrayList<>())
                    .add(t);
        }
        var steps = new ArrayList<StepResult>();
        for (var tallies : byStep.values()) {
            steps.add(step(tallies));
        }
        return new Report(
                new Summary.Scope(member == null ? null : member.email(), from, to),
                WinnerRule.STATEMENT,
                (int) VariantExposures.AFTER.toDays(),
                WinnerRule.MIN_SENT,
                steps);
    }

    private StepResult step(List<VariantExposures.Tally> tallies) {
        var first = tallies.get(0);
        boolean email = first.channel() == Channel.EMAIL;
        var variants = tallies.stream()
                .map(t -> new VariantResult(
                        t.variant(),
                        t.template(),
                        t.given(),
                        t.sent(),
                        email ? t.opened() : null,
                        email ? t.clicked() : null,
                        t.replied(),
                        t.connected(),
                        t.booked(),
                        email ? rate(t.opened(), t.sent()) : null,
                        email ? rate(t.clicked(), t.sent()) : null,
                        rate(t.replied(), t.sent()),
                        rate(t.connected(), t.sent()),
                        rate(t.booked(), t.sent())))
                .toList();
        var verdicts = new ArrayList<OutcomeVerdict>();
        for (var outcome : Outcome.values()) {
            if (!email && (outcome == Outcome.OPENED || outcome == Outcome.CLICKED)) {
                continue;
            }
            var verdict = WinnerRule.judge(tallies.stream()
                    .map(t -> new WinnerRule.Arm(
                            t.variant(), t.sent(), hits(outcome).applyAsLong(t)))
                    .toList());
            verdicts.add(
                    new OutcomeVerdict(outcome, verdict.winner(), verdict.test(), verdict.pValue(), verdict.why()));
        }
        return new StepResult(
                first.cadenceKey(),
                cadenceName(first.cadenceKey()),
                first.stepN(),
                first.channel(),
                variants,
                verdicts);
    }

    private String cadenceName(String key) {
        try {
            return cadences.get(key).name();
        } catch (Refusal gone) {
            return key;
        }
    }

    private static ToLongFunction<VariantExposures.Tally> hits(Outcome outcome) {
        return switch (outcome) {
            case OPENED -> VariantExposures.Tally::opened;
            case CLICKED -> VariantExposures.Tally::clicked;
            case REPLIED -> VariantExposures.Tally::replied;
            case CONNECTED -> VariantExposures.Tally::connected;
            case BOOKED -> VariantExposures.Tally::booked;
        };
    }

    private static double rate(long hits, long sent) {
        return sent == 0 ? 0 : Math.round(10000.0 * hits / sent) / 10000.0;
    }
}
