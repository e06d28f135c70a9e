package org.followthrough.prospects;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

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

    /** The name to greet them by. */
    public String firstName() {
        var trimmed = fullName.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
