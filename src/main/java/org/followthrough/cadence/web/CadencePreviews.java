package org.followthrough.cadence.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.followthrough.cadence.Cadences;
import org.followthrough.cadence.CallOutcome;
import org.followthrough.cadence.Channel;
import org.followthrough.cadence.Planner;
import org.followthrough.calendar.Place;
import org.followthrough.common.Countries;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.TimeZones;
import org.springframework.stereotype.Component;

/**
 * What a cadence would do from a local start, in a zone and country, given the outcomes of its
 * calls: the same planner as live scheduling, for the API and the cadence page alike.
 */
@Component
class CadencePreviews {

    /**
     * {@code region} (ISO 3166-2, such as US-TX) brings its holidays and calling hours; {@code
     * candidates} are the other zones the prospect may be in, whose legal hours then hold too.
     */
    record PreviewRequest(
            String cadence,
            LocalDateTime start,
            String timeZone,
            String country,
            List<CallOutcome> outcomes,
            String region,
            List<String> candidates) {

        PreviewRequest(
                String cadence, LocalDateTime start, String timeZone, String country, List<CallOutcome> outcomes) {
            this(cadence, start, timeZone, country, outcomes, null, null);
        }
    }

    record PreviewStep(int n, Channel channel, String label, OffsetDateTime at, String template) {}

    record PreviewEnd(String stage, OffsetDateTime at) {}

    record Preview(String cadence, String timeZone, List<PreviewStep> steps, PreviewEnd end) {}

    private final Cadences cadences;
    private final Planner planner;

    CadencePreviews(Cadences cadences, Planner planner) {
        this.cadences = cadences;
        this.planner = planner;
    }

    /** Calls whose outcome is not given are taken as NO_ANSWER. */
    Preview preview(PreviewRequest request) {
        var problems = new InvalidInput.Collector();
        if (request.cadence() == null) {
            problems.add("cadence", "is required, such as first-time-calls");
        }
        if (request.start() == null) {
            problems.add("start", "is required: a local date-time such as 2026-08-18T09:00");
        }
        var zone = TimeZones.parse(request.timeZone());
        if (zone.isEmpty()) {
            problems.add("timeZone", "'" + request.timeZone() + "' is not a time zone; " + TimeZones.hint());
        }
        var country = request.country() == null
                ? null
                : Countries.parse(request.country()).orElse(null);
        if (request.country() != null && country == null) {
            problems.add("country", "'" + request.country() + "' is not a country; " + Countries.hint());
        }
        var region = region(request, country, problems);
        var others = new ArrayList<java.time.ZoneId>();
        var candidates = request.candidates() == null ? List.<String>of() : request.candidates();
        for (int i = 0; i < candidates.size(); i++) {
            var candidate = TimeZones.parse(candidates.get(i));
            if (candidate.isEmpty()) {
                problems.add(
                        "candidates[" + i + "]", "'" + candidates.get(i) + "' is not a time zone; " + TimeZones.hint());
            } else {
                others.add(candidate.get());
            }
        }
        problems.throwIfAny();
        var cadence = cadences.get(request.cadence());
        var place = new Place(zone.get(), country, region, others);
        var start = request.start().atZone(zone.get()).toInstant();
        var plan = planner.preview(cadence, start, place, request.outcomes() == null ? List.of() : request.outcomes());
        var steps = new ArrayList<PreviewStep>();
        int calls = 0;
        boolean called = false;
        for (var step : plan.steps()) {
            String label = null;
            // a voicemail before the cadence's first call is left on the call that started it (the
            // missed appointment's own call, M1), which counts as that call, as it does live
            if (step.channel() == Channel.CALL || (step.channel() == Channel.VOICEMAIL && !called)) {
                calls++;
                label = (cadence.isFirstTimeCalls() ? "FTC #" : "Follow-up #") + calls;
                called = true;
            }
            steps.add(new PreviewStep(
                    step.n(),
                    step.channel(),
                    label,
                    step.at().atZone(zone.get()).toOffsetDateTime(),
                    step.template()));
        }
        var end = new PreviewEnd(
                plan.end().stage(), plan.end().at().atZone(zone.get()).toOffsetDateTime());
        return new Preview(cadence.key(), zone.get().getId(), steps, end);
    }

    /** The region, ISO 3166-2 within the country: US-TX, DE-BY, GB-SCT. */
    private static String region(PreviewRequest request, String country, InvalidInput.Collector problems) {
        if (request.region() == null || request.region().isBlank()) {
            return null;
        }
        var region = request.region().strip().toUpperCase(java.util.Locale.ROOT);
        if (!region.matches("[A-Z]{2}-[A-Z0-9]{1,3}")) {
            problems.add(
                    "region", "'" + request.region() + "' is not a region; use ISO 3166-2, such as US-TX or DE-BY");
            return null;
        }
        if (country == null || !region.startsWith(country + "-")) {
            problems.add(
                    "region",
                    "'" + region + "' is not a region of "
                            + (country == null ? "the country, which is needed too" : country));
            return null;
        }
        return region;
    }
}
