package org.followthrough.prospects.web;

import java.time.Instant;
import org.followthrough.common.Nullable;
import org.followthrough.prospects.DecisionRole;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Stage;
import org.followthrough.prospects.TimeZoneSource;

/**
 * A prospect as the API shows it. {@code candidateTimeZones} lists every zone the prospect may be in,
 * {@code timeZone} first (one while the zone is certain); {@code timeZoneConfirmed} says whether someone
 * gave or confirmed it. {@code region} is ISO 3166-2 ({@code US-AK}).
 */
record ProspectView(
        String id,
        String fullName,
        @Nullable String title,
        @Nullable String email,
        @Nullable String phoneE164,
        @Nullable String company,
        @Nullable String companyDomain,
        @Nullable String industry,
        @Nullable String country,
        @Nullable String region,
        String timeZone,
        TimeZoneSource timeZoneSource,
        @Nullable String timeZoneNote,
        java.util.List<String> candidateTimeZones,
        boolean timeZoneConfirmed,
        @Nullable DecisionRole decisionRole,
        Stage stage,
        String owner,
        String ownerId,
        @Nullable String accountId,
        boolean doNotCall,
        boolean emailOptOut,
        Instant createdAt,
        Instant updatedAt) {

    static ProspectView of(Prospect p, String ownerEmail) {
        return new ProspectView(
                p.id().toString(),
                p.fullName(),
                p.title(),
                p.email(),
                p.phoneE164(),
                p.company(),
                p.companyDomain(),
                p.industry(),
                p.country(),
                p.region(),
                p.timeZone().getId(),
                p.timeZoneSource(),
                p.timeZoneNote(),
                p.timeZoneCandidates().stream().map(java.time.ZoneId::getId).toList(),
                p.timeZoneConfirmed(),
                p.decisionRole(),
                p.stage(),
                ownerEmail,
                p.ownerId().toString(),
                p.accountId() == null ? null : p.accountId().toString(),
                p.doNotCall(),
                p.emailOptOut(),
                p.createdAt(),
                p.updatedAt());
    }
}
