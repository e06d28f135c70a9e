package org.followthrough.scripts;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the values a template is filled with, under the placeholder names templates use, and
 * formats an appointment as the prospect reads it: "Tuesday, August 16", "8:45 AM", "August 16",
 * "Eastern Time". A value left out (or null) stays missing, so rendering says which.
 */
public final class MessageValues {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMMM d", Locale.US);

    private final Map<String, Object> values = new LinkedHashMap<>();

    private MessageValues() {}

    public static MessageValues builder() {
        return new MessageValues();
    }

    public MessageValues prospect(String fullName, String firstName, String company, String title) {
        put("prospect.fullName", fullName);
        put("prospect.firstName", firstName == null || firstName.isBlank() ? Sentences.firstName(fullName) : firstName);
        put("prospect.company", company);
        return put("prospect.title", title);
    }

    public MessageValues rep(String fullName, String phone, String email) {
        put("rep.fullName", fullName);
        put("rep.firstName", Sentences.firstName(fullName));
        put("rep.phone", phone);
        return put("rep.email", email);
    }

    /** Our organisation's name. */
    public MessageValues company(String organisation) {
        return put("company", organisation);
    }

    public MessageValues lastConversation(List<String> pains, List<String> gains, List<String> promises) {
        put("pains", pains == null ? List.of() : pains);
        put("gains", gains == null ? List.of() : gains);
        return put("promises", promises == null ? List.of() : promises);
    }

    /** The appointment in the prospect's own time zone. */
    public MessageValues appointment(ZonedDateTime local) {
        if (local == null) {
            return this;
        }
        put("appointment.localDate", DATE.format(local));
        put("appointment.localTime", TIME.format(local));
        put("appointment.monthDay", MONTH_DAY.format(local));
        return put("appointment.timeZone", zoneName(local.getZone()));
    }

    /** A time zone as people read it: "Eastern Time", "Central European Time", not America/New_York. */
    public static String zoneName(java.time.ZoneId zone) {
        return zone.getDisplayName(TextStyle.FULL_STANDALONE, Locale.US)
                .replace(" Standard", "")
                .replace(" Daylight", "");
    }

    /** What the call will cover, as one or more sentences: capitalised, with a closing full stop. */
    public MessageValues agenda(String agenda) {
        if (agenda == null || agenda.isBlank()) {
            return this;
        }
        var text = agenda.strip();
        // it stands as a sentence of its own in the templates
        text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return put("agenda", text.matches(".*[.!?]$") ? text : text + ".");
    }

    public MessageValues article(String title, String link) {
        put("article.title", title);
        return put("article.link", link);
    }

    public MessageValues article(Article article) {
        return article == null ? this : article(article.title(), article.link());
    }

    /** Any other value by placeholder name. */
    public MessageValues put(String name, Object value) {
        if (value != null) {
            values.put(name, value);
        }
        return this;
    }

    public Map<String, Object> build() {
        return Map.copyOf(values);
    }
}
