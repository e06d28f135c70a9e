package org.followthrough.messaging;

import java.util.Objects;
import org.followthrough.common.EmailAddress;

/** A person on an email: a display name (may be empty) and a valid address. */
public record Recipient(String name, String address) {

    public Recipient {
        name = name == null ? "" : name.strip();
        var given = Objects.requireNonNull(address, "address");
        address = EmailAddress.parse(given)
                .map(EmailAddress::value)
                .orElseThrow(() -> new IllegalArgumentException("Not an email address: " + given));
    }
}
