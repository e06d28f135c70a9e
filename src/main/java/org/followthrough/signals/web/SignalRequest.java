package org.followthrough.signals.web;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import org.followthrough.common.EmailAddress;
import org.followthrough.common.InvalidInput;
import org.followthrough.signals.Signal;
import org.followthrough.signals.SignalType;

/** The JSON a sender posts; checked field by field so every mistake is named at once. */
record SignalRequest(
        String id,
        SignalType type,
        Instant occurredAt,
        String email,
        String domain,
        String url,
        String name,
        String phone,
        String company,
        @org.followthrough.common.PlainText.MultiLine String message,
        String country,
        @com.fasterxml.jackson.annotation.JsonAlias("state") String region,
        String timeZone) {

    Signal toSignal() {
        var problems = new InvalidInput.Collector();
        if (id == null || id.isBlank() || id.length() > 200) {
            problems.add("id", "is required: the sender's own id for this event, up to 200 characters");
        }
        if (type == null) {
            problems.add("type", "is required: one of INQUIRY, PAGE_VIEW, EMAIL_OPEN, EMAIL_CLICK, EMAIL_REPLY");
        }
        if (occurredAt == null) {
            problems.add(
                    "occurredAt", "is required: an ISO-8601 time with an offset, such as 2026-08-18T08:45:00-04:00");
        }
        var address = email == null || email.isBlank()
                ? null
                : EmailAddress.parse(email).orElse(null);
        if (email != null && !email.isBlank() && address == null) {
            problems.add("email", "'" + email + "' is not an email address");
        }
        var host = domain == null || domain.isBlank() ? null : domain.strip().toLowerCase(Locale.ROOT);
        if (host != null && !host.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
            problems.add("domain", "'" + domain + "' is not a web domain such as example.com");
        }
        if (address == null && host == null) {
            problems.add("email", "give the person's email or the company's web domain, so the signal can be matched");
        }
        if (url != null && !url.isBlank() && !isWebAddress(url)) {
            problems.add("url", "'" + url + "' is not an http(s) address");
        }
        limit(problems, "name", name, 200);
        limit(problems, "phone", phone, 50);
        limit(problems, "company", company, 200);
        limit(problems, "message", message, 10_000);
        // where the person is stays as the form wrote it, even unreadable: only its length is checked here
        limit(problems, "country", country, 100);
        limit(problems, "region", region, 100);
        limit(problems, "timeZone", timeZone, 100);
        problems.throwIfAny();
        return new Signal(
                id.strip(),
                type,
                occurredAt,
                address == null ? null : address.value(),
                host,
                blankToNull(url),
                blankToNull(name),
                blankToNull(phone),
                blankToNull(company),
                blankToNull(message),
                blankToNull(country),
                blankToNull(region),
                blankToNull(timeZone));
    }

    private static boolean isWebAddress(String text) {
        try {
            var uri = URI.create(text.strip());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void limit(InvalidInput.Collector problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(field, "must have at most " + max + " characters");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
