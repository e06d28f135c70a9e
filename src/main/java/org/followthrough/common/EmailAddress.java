package org.followthrough.common;

import java.util.Locale;
import java.util.Optional;

/**
 * An email address as a sales team means it: one mailbox at a domain with a dot, stored lower-cased
 * so that the same person is found whatever the capitalisation.
 */
public record EmailAddress(String value) {

    public EmailAddress {
        // the shape of an address (see Shapes): one mailbox at a domain with a dot, lower-case
        if (value == null || value.length() > 254 || !Shapes.email(value)) {
            throw new IllegalArgumentException("not an email address: " + value);
        }
    }

    /** The address in its stored form, or empty when the text is not an address. */
    public static Optional<EmailAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            // the constructor checks the shape, once
            return Optional.of(new EmailAddress(text.trim().toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }

    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
