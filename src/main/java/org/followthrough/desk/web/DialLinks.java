package org.followthrough.desk.web;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.common.Sql;
import org.followthrough.team.Actor;
import org.followthrough.team.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a prospect's number is dialled from the rep's pages: a link template an administrator chooses
 * on the settings page ({@code tel:{e164}}, {@code sip:{e164}@pbx.example}, {@code callto:{e164}}, or a
 * softphone's or cloud dialer's click-to-call address such as
 * {@code https://dialer.example/call?to={e164}}), else {@code followthrough.dial.link}. The number is
 * shown as people read it (libphonenumber's international format, "+1 212-555-0147").
 */
@Service
@EnableConfigurationProperties(DialLinks.Settings.class)
class DialLinks {

    /** The link used while no administrator chose one. */
    @ConfigurationProperties("followthrough.dial")
    record Settings(@DefaultValue("tel:{e164}") String link) {}

    /** A number to show and the link that dials it; {@code external} links open in a new tab. */
    record Dial(String e164, String shown, String href, boolean external) {}

    /** The link in force and whether it is the default. */
    record Current(String link, boolean isDefault) {}

    static final int MAX_LENGTH = 500;
    private static final long FRESH_NANOS = 5_000_000_000L;
    private static final int SHOWN_KEPT = 20_000;
    private static final java.util.Map<String, String> SHOWN = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.regex.Pattern NOT_DIGIT = java.util.regex.Pattern.compile("[^0-9]");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String defaultLink;
    private volatile Current current;
    private volatile long readAt;

    DialLinks(JdbcClient jdbc, Clock clock, Settings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.defaultLink = check(settings.link() == null ? "tel:{e164}" : settings.link());
    }

    Current current() {
        var known = current;
        if (known == null || System.nanoTime() - readAt > FRESH_NANOS) {
            known = jdbc.sql("select link from dial_settings where id = 1")
                    .query(String.class)
                    .optional()
                    .map(link -> new Current(link, false))
                    .orElseGet(() -> new Current(defaultLink, true));
            current = known;
            readAt = System.nanoTime();
        }
        return known;
    }

    /** The number as people read it and the link that dials it; null when there is no number. */
    Dial of(String e164) {
        if (e164 == null || e164.isBlank()) {
            return null;
        }
        var link = current().link();
        var number = e164.strip();
        var digits = NOT_DIGIT.matcher(number).replaceAll("");
        var web = isWeb(link);
        var href = link.replace("{e164}", web ? URLEncoder.encode(number, StandardCharsets.UTF_8) : number)
                .replace("{digits}", digits);
        return new Dial(number, shown(number), href, web);
    }

    /**
     * libphonenumber's international format, or the number as stored when it cannot be read. Kept for
     * the numbers last shown (a page of Today shows up to 200, every minute): parsing is most of a row's
     * cost.
     */
    static String shown(String e164) {
        var known = SHOWN.get(e164);
        if (known != null) {
            return known;
        }
        var phones = PhoneNumberUtil.getInstance();
        String shown;
        try {
            shown = phones.format(phones.parse(e164, null), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException unreadable) {
            shown = e164;
        }
        if (SHOWN.size() >= SHOWN_KEPT) {
            SHOWN.clear();
        }
        SHOWN.put(e164, shown);
        return shown;
    }

    /** Administrators choose the link; an empty one goes back to the default. */
    @Transactional
    Current change(Actor actor, String link) {
        if (actor.role() != Role.ADMIN) {
            throw Refusal.forbidden("Only administrators choose how numbers are dialled.");
        }
        if (link == null || link.isBlank()) {
            jdbc.sql("delete from dial_settings where id = 1").update();
            current = new Current(defaultLink, true);
        } else {
            var checked = check(link);
            var now = Sql.ts(clock.instant());
            if (jdbc.sql("update dial_settings set link = ?, changed_at = ?, changed_by = ? where id = 1")
                            .params(checked, now, actor.id())
                            .update()
                    == 0) {
                jdbc.sql("insert into dial_settings (id, link, changed_at, changed_by) values (1, ?, ?, ?)")
                        .params(checked, now, actor.id())
                        .update();
            }
            current = new Current(checked, false);
        }
        readAt = System.nanoTime();
        return current;
    }

    /**
     * A link template: {@code tel:}, {@code sip:}, {@code sips:}, {@code callto:} or an {@code https://}
     * (or {@code http://}) address, with {@code {e164}} or {@code {digits}} where the number goes; one
     * line, no spaces. A bare scheme ({@code tel:}) gets the number after it.
     */
    static String check(String link) {
        var text = link.strip();
        var lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("tel:") || lower.equals("sip:") || lower.equals("callto:") || lower.equals("sips:")) {
            text = lower + "{e164}";
            lower = text;
        }
        var problem = (String) null;
        if (!(lower.startsWith("tel:")
                || lower.startsWith("sip:")
                || lower.startsWith("sips:")
                || lower.startsWith("callto:")
                || lower.startsWith("https://")
                || lower.startsWith("http://"))) {
            problem = "must start with tel:, sip:, callto: or https://, such as tel:{e164} or"
                    + " https://dialer.example/call?to={e164}";
        } else if (!text.contains("{e164}") && !text.contains("{digits}")) {
            problem = "must say where the number goes with {e164} (+12125550147) or {digits} (12125550147)";
        } else if (text.chars()
                .anyMatch(c ->
                        Character.isWhitespace(c) || Character.isISOControl(c) || c == '"' || c == '<' || c == '>')) {
            problem = "must be one address without spaces, quotes or angle brackets";
        } else if (text.length() > MAX_LENGTH) {
            problem = "has at most " + MAX_LENGTH + " characters";
        }
        if (problem != null) {
            throw InvalidInput.of("link", problem);
        }
        return text;
    }

    private static boolean isWeb(String link) {
        var lower = link.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }
}
