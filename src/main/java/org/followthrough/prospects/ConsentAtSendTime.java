package org.followthrough.prospects;

import java.util.Optional;
import java.util.UUID;
import org.followthrough.messaging.EmailOptOutRequested;
import org.followthrough.messaging.SendPermission;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A prospect's consent, asked again when an email is about to leave (R2): an opt-out, an erasure or
 * a suppression that happened after the email was planned stops it.
 */
@Component
class ConsentAtSendTime implements SendPermission {

    private final ProspectRows rows;
    private final Suppressions suppressions;
    private final Prospects prospects;

    ConsentAtSendTime(ProspectRows rows, Suppressions suppressions, Prospects prospects) {
        this.rows = rows;
        this.suppressions = suppressions;
        this.prospects = prospects;
    }

    @Override
    public Optional<String> refusal(UUID prospectId, String address, boolean bulk) {
        if (prospectId != null) {
            var prospect = rows.byId(prospectId);
            if (prospect.isEmpty()) {
                return Optional.of("the prospect was erased");
            }
            if (prospect.get().emailOptOut()) {
                return Optional.of("the prospect opted out of email");
            }
        }
        if (address != null
                && suppressions
                        .suppressedSince(address.toLowerCase(java.util.Locale.ROOT), null)
                        .isPresent()) {
            return Optional.of("the address belongs to an erased person");
        }
        return Optional.empty();
    }

    @ApplicationModuleListener
    void on(EmailOptOutRequested request) {
        prospects.optOutOfEmail(request.prospectId());
    }
}
