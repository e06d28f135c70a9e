package org.followthrough.messaging;

import java.util.List;
import java.util.UUID;

/**
 * Emails that will not go out after all — cancelled before sending, or refused or too late at send
 * time — by their dedupe keys, so a module can undo what it recorded when it planned them (such as
 * the article one of them carried). Published in the transaction that withdrew them.
 */
public record EmailsWithdrawn(UUID prospectId, List<String> dedupeKeys) {

    public EmailsWithdrawn {
        dedupeKeys = List.copyOf(dedupeKeys);
    }
}
