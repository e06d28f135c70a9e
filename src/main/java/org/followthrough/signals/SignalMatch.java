package org.followthrough.signals;

import java.util.UUID;

/**
 * Whom a signal concerns: a prospect found by their email, or — when only the company is known — an
 * account found by web domain and its most recently active prospect. {@code how} says which, in words a
 * rep reads on the task ("email dana@acme.example", "web domain acme.example (Acme)").
 */
public record SignalMatch(UUID prospectId, UUID accountId, String how) {

    static final SignalMatch NONE = new SignalMatch(null, null, "nothing");

    public boolean found() {
        return prospectId != null;
    }
}
