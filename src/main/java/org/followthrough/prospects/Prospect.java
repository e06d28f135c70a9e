package org.followthrough.prospects;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.followthrough.calendar.Place;

/**
 * A person at an account, as every module reads them. {@code timeZoneCandidates} holds every zone they
 * may be in, {@code timeZone} first: one zone once it is certain (given, or confirmed by a rep), several
 * while their number or country spans several. {@code region} is ISO 3166-2 ({@code US-AK}); null when
 * unknown; {@code regionGiven} tells a region someone gave from one read from the phone.
 */
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
        List<ZoneId> timeZoneCandidates,
        String country,
        String region,
        boolean regionGiven,
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
        return new Place(timeZone, country, region, timeZoneCandidates);
    }

    /** Whether someone said which zone the prospect is in (given, or confirmed by a rep). */
    public boolean timeZoneConfirmed() {
        return timeZoneSource == TimeZoneSource.GIVEN;
    }

    /** The name to greet them by. */
    public String firstName() {
        var trimmed = fullName.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
