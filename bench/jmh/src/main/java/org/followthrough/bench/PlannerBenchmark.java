package org.followthrough.bench;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.followthrough.cadence.Cadence;
import org.followthrough.cadence.Channel;
import org.followthrough.cadence.Delay;
import org.followthrough.cadence.PlannedStep;
import org.followthrough.cadence.Placing;
import org.followthrough.cadence.Planner;
import org.followthrough.cadence.Step;
import org.followthrough.calendar.BestTimes;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.calendar.CallingWindows;
import org.followthrough.calendar.Holidays;
import org.followthrough.calendar.Place;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The planner's next-step computation, the work live scheduling does after every call: a step three
 * business days on in the best window (holidays checked), one at the earliest legal moment — each
 * for a prospect in one zone and for one who may be in any of three — and the bare java.time
 * arithmetic of "three days later" as the baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PlannerBenchmark {

    final Planner planner = new Planner(new CallCalendar(CallingWindows.shipped(), new Holidays()), new BestTimes());
    final Place place = new Place(ZoneId.of("America/Chicago"), "US");
    /** A prospect whose number may be in any of three zones: the legal hours of all three hold. */
    final Place uncertain = new Place(
            ZoneId.of("America/Chicago"),
            "US",
            null,
            List.of(ZoneId.of("America/New_York"), ZoneId.of("America/Denver")));
    final Instant start = ZonedDateTime.of(2026, 12, 22, 17, 40, 0, 0, place.zone()).toInstant();
    final Cadence cadence = new Cadence(
            "bench",
            "Bench",
            List.of(
                    new Step(1, Channel.CALL, Delay.businessDays(3, Delay.Anchor.PREVIOUS), Placing.BEST_WINDOW, "v1"),
                    new Step(2, Channel.CALL, Delay.hours(4, Delay.Anchor.START), Placing.LEGAL, "v2")),
            "NURTURE");

    @Benchmark
    public Optional<PlannedStep> nextInBestWindowThreeBusinessDaysOn() {
        return planner.next(cadence, place, start, 0, start);
    }

    @Benchmark
    public Optional<PlannedStep> nextAtEarliestLegalMoment() {
        return planner.next(cadence, place, start, 1, start);
    }

    @Benchmark
    public Optional<PlannedStep> nextInBestWindowThreeBusinessDaysOnInThreeCandidateZones() {
        return planner.next(cadence, uncertain, start, 0, start);
    }

    @Benchmark
    public Optional<PlannedStep> nextAtEarliestLegalMomentInThreeCandidateZones() {
        return planner.next(cadence, uncertain, start, 1, start);
    }

    @Benchmark
    public ZonedDateTime baselineThreeDaysLater() {
        return start.atZone(place.zone()).plusDays(3);
    }
}
