package org.followthrough.team;

import java.util.Locale;
import java.util.Optional;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * A password is long (12 to 128 characters), not one of the passwords attackers try first (the
 * dictionaries of nbvcxz, with leet-speak and keyboard patterns), and not built from the member's
 * own email address.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    /**
     * The estimator, built when a password is first checked: reading and sorting its dictionaries took about a
     * tenth of a start's work on the main thread, and a restart checks no password.
     */
    private static final class Estimator {
        static final Nbvcxz INSTANCE = new Nbvcxz(new ConfigurationBuilder()
                .setMinimumEntropy(40d)
                .setLocale(Locale.ENGLISH)
                .createConfiguration());
    }

    /** Why the password is refused, or empty when it is acceptable. */
    Optional<String> problemWith(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(
                    "must be at least " + MIN_LENGTH + " characters long; a short sentence is easy to remember");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters long");
        }
        var localPart = email == null ? "" : email.toLowerCase(Locale.ROOT).replaceAll("@.*", "");
        if (localPart.length() >= 4 && password.toLowerCase(Locale.ROOT).contains(localPart)) {
            return Optional.of("must not contain your email address");
        }
        var estimate = Estimator.INSTANCE.estimate(password);
        if (!estimate.isMinimumEntropyMet()) {
            var warning = estimate.getFeedback().getWarning();
            return Optional.of("is too easy to guess" + (warning == null ? "" : " (" + warning + ")")
                    + "; it is one of the most common passwords or a simple pattern, choose another");
        }
        return Optional.empty();
    }
}
