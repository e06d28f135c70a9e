package org.followthrough;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Reads an email the way its reader would end up: each tracked click link ({@code /t/c/<token>})
 * replaced by the link it redirects to, which the signed token carries.
 */
public final class TrackedLinks {

    private static final Pattern TRACKED = Pattern.compile("https?://\\S+?/t/c/([A-Za-z0-9_-]+)\\.[A-Za-z0-9_-]+");

    private TrackedLinks() {}

    public static String untracked(String text) {
        return TRACKED.matcher(text).replaceAll(match -> {
            var payload = new String(Base64.getUrlDecoder().decode(match.group(1)), StandardCharsets.UTF_8);
            return java.util.regex.Matcher.quoteReplacement(payload.substring(payload.lastIndexOf('|') + 1));
        });
    }
}
