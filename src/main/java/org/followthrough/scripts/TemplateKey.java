package org.followthrough.scripts;

import java.util.regex.Pattern;

/**
 * Which template: a key such as {@code ftc-voicemail} and its variant, so that FTC #3 uses variant 3
 * and nobody hears the same message twice (R6). Written as one name, {@code ftc-voicemail-3}; the
 * missed-appointment voicemails may also be named {@code missed-appointment-m2}.
 */
public record TemplateKey(String key, int variant) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern NAME = Pattern.compile("(.+?)-m?([0-9]{1,3})");

    public TemplateKey {
        if (key == null || key.length() > 100 || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException(
                    "a template key is lower-case words joined by hyphens, such as ftc-voicemail, not " + key);
        }
        if (variant < 1 || variant > 999) {
            throw new IllegalArgumentException("a template variant is a number from 1 to 999, not " + variant);
        }
    }

    public static TemplateKey of(String key) {
        return new TemplateKey(key, 1);
    }

    /** Reads {@code ftc-email-3} as (ftc-email, 3) and {@code thank-you} as (thank-you, 1). */
    public static TemplateKey parse(String name) {
        var numbered = NAME.matcher(name == null ? "" : name);
        if (numbered.matches()) {
            return new TemplateKey(numbered.group(1), Integer.parseInt(numbered.group(2)));
        }
        return of(name);
    }

    /** The variant to use at the n-th attempt when {@code variants} exist: 1, 2, ... and round again. */
    public static TemplateKey forAttempt(String key, int attempt, int variants) {
        if (variants < 1) {
            throw new IllegalArgumentException("no variants of " + key);
        }
        return new TemplateKey(key, Math.floorMod(Math.max(attempt, 1) - 1, variants) + 1);
    }

    public String name() {
        return key + "-" + variant;
    }

    @Override
    public String toString() {
        return name();
    }
}
