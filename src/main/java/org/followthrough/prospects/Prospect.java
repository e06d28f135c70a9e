package org.followthrough.prospects;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.followthrough.calendar.Place;

/** A person at an account, as every module reads them. */
public record Prospect(
        UUID id,
        UUID ownerId,
        String fullName,
        String title,
        String email,
        String phoneE164,
        ZoneId timeZone,
        TimeZoneSource timeZoneSource,
        String timeZoneNote,
        String country,
        UUID accountId,
        String company,
        String companyDomain,
        String industry,
        DecisionRole decisionRole,
        Stage stage,
        boolean doNotCall,
        boolean emailOptOut,
        Instant createdAt,
        Instant updatedAt) {

    /** Where the prospect is, for the rules about when they may be called (R1–R3). */
    public Place place() {
        return new Place(timeZone, country);
    }

    /** The name to greet them by. */
    public String firstName() {
        var trimmed = fullName.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
