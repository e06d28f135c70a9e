package org.followthrough.prospects.web;

import java.time.Instant;
import org.followthrough.prospects.DecisionRole;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Stage;
import org.followthrough.prospects.TimeZoneSource;

/** A prospect as the API shows it. */
record ProspectView(
        String id,
        String fullName,
        String title,
        String email,
        String phoneE164,
        String company,
        String companyDomain,
        String industry,
        String country,
        String timeZone,
        TimeZoneSource timeZoneSource,
        String timeZoneNote,
        DecisionRole decisionRole,
        Stage stage,
        String owner,
        String ownerId,
        String accountId,
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
                p.timeZone().getId(),
                p.timeZoneSource(),
                p.timeZoneNote(),
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
