package org.followthrough.cadence.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.followthrough.cadence.CallOutcome;
import org.followthrough.common.InvalidInput;

/** The preview form: a local start, a zone, a country and the outcome of each call in turn. */
record PreviewForm(String start, String timeZone, String country, List<String> outcome) {

    CadencePreviews.PreviewRequest request(String cadence) {
        LocalDateTime at = null;
        try {
            at = start == null || start.isBlank() ? null : LocalDateTime.parse(start.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("start", "must be a local date and time, such as 2026-08-18T09:00");
        }
        var outcomes = new ArrayList<CallOutcome>();
        for (var value : outcome == null ? List.<String>of() : outcome) {
            try {
                outcomes.add(value == null || value.isBlank() ? CallOutcome.NO_ANSWER : CallOutcome.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.of("outcome", "choose one of the listed outcomes");
            }
        }
        var place = country == null || country.isBlank() ? null : country.strip();
        return new CadencePreviews.PreviewRequest(cadence, at, timeZone, place, outcomes);
    }
}
