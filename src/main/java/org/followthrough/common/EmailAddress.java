package org.followthrough.common;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address as a sales team means it: one mailbox at a domain with a dot, stored lower-cased
 * so that the same person is found whatever the capitalisation.
 */
public record EmailAddress(String value) {

    private static final Pattern SHAPE =
            Pattern.compile("^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

    public EmailAddress {
        if (value == null || value.length() > 254 || !SHAPE.matcher(value).matches()) {
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
