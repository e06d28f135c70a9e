package org.followthrough.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.calendar.Place;
import org.followthrough.common.Sql;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When an automated email may really leave: inside the prospect's business hours on one of their
 * business days (their time zone, their country's and region's weekend and public holidays, the
 * organisation's days off), after the prospect's automated email of the day (or as many as the
 * email's cadence allows), and within the sending
 * mailbox's daily limit spread over the day. One-to-one email (a thank-you, a reminder) is never
 * held: it answers a conversation and goes when due.
 */
@Component
class SendWindows {

    /** The earliest moment an email may go, and why it waits until then, in words for people. */
    record Hold(Instant notBefore, String reason) {}

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm EEE d MMM", Locale.ENGLISH);
    private static final int DAYS_SEARCHED = 30;
    private static final String SENT = EmailStatus.SENT.name();

    private final JdbcClient jdbc;
    private final SendWindowSettings settings;
    private final ObjectProvider<RecipientPlaces> places;
    private final ObjectProvider<CallCalendar> calendar;

    SendWindows(
            JdbcClient jdbc,
            SendWindowSettings settings,
            ObjectProvider<RecipientPlaces> places,
            ObjectProvider<CallCalendar> calendar) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.places = places;
        this.calendar = calendar;
    }

    /**
     * Whether an email that would go at {@code at} must wait, and until when. {@code sendingNow}
     * also asks the mailbox's caps, which only mean something for an email about to leave.
     */
    Optional<Hold> hold(UUID prospectId, boolean automated, Integer perDay, Instant at, boolean sendingNow) {
        if (!automated || prospectId == null) {
            return Optional.empty();
        }
        int allowed = perDay != null ? perDay : settings.perProspectPerDay();
        var place = place(prospectId);
        var zone = place.map(Place::zone).orElse(ZoneOffset.UTC);
        var candidate = at;
        String reason = null;
        for (int round = 0; round < 10; round++) {
            var moved = false;
            if (place.isPresent()) {
                var open = nextOpen(candidate, place.get());
                if (open.isAfter(candidate)) {
                    reason = reason != null ? reason : whyClosed(candidate, place.get());
                    candidate = open;
                    moved = true;
                }
            }
            var day = candidate.atZone(zone).toLocalDate();
            var dayStart = day.atStartOfDay(zone).toInstant();
            var nextDay = day.plusDays(1).atStartOfDay(zone).toInstant();
            if (sentToProspect(prospectId, dayStart, nextDay) >= allowed) {
                reason = reason != null
                        ? reason
                        : (allowed == 1
                                ? "one automated email a day, and today's went already"
                                : allowed + " automated emails a day, and today's went already");
                candidate = nextDay;
                continue;
            }
            if (sendingNow) {
                var dayFull = freeFrom(candidate, Duration.ofDays(1), settings.dailyLimit());
                if (dayFull.isPresent()) {
                    reason = reason != null
                            ? reason
                            : "the mailbox's limit of " + settings.dailyLimit() + " automated emails a day is reached";
                    candidate = dayFull.get();
                    continue;
                }
                var hourFull = freeFrom(candidate, Duration.ofHours(1), settings.perHour());
                if (hourFull.isPresent()) {
                    reason = reason != null
                            ? reason
                            : "the mailbox's daily limit is spread over the day: " + settings.perHour()
                                    + " automated emails an hour at most";
                    candidate = hourFull.get();
                    continue;
                }
            }
            if (!moved) {
                break;
            }
        }
        if (!candidate.isAfter(at)) {
            return Optional.empty();
        }
        var when = WHEN.format(candidate.atZone(zone));
        var whose = place.isPresent() ? " their time" : " UTC";
        return Optional.of(new Hold(candidate, "goes at " + when + whose + ": " + reason));
    }

    /** The first moment at or after {@code at} inside the business hours of one of the place's business days. */
    Instant nextOpen(Instant at, Place place) {
        var zone = place.zone();
        var date = at.atZone(zone).toLocalDate();
        for (int i = 0; i < DAYS_SEARCHED; i++, date = date.plusDays(1)) {
            if (!isBusinessDay(date, place)) {
                continue;
            }
            var opens = ZonedDateTime.of(date, settings.opens(), zone).toInstant();
            var closes = ZonedDateTime.of(date, settings.closes(), zone).toInstant();
            if (at.isBefore(opens)) {
                return opens;
            }
            if (at.isBefore(closes)) {
                return at;
            }
        }
        return at;
    }

    private String whyClosed(Instant at, Place place) {
        return isBusinessDay(at.atZone(place.zone()).toLocalDate(), place)
                ? "outside business hours (" + settings.opens() + "–" + settings.closes() + " their time)"
                : "not a business day where they are";
    }

    private boolean isBusinessDay(java.time.LocalDate date, Place place) {
        var days = calendar.getIfAvailable();
        if (days == null) {
            var weekday = date.getDayOfWeek();
            return weekday != java.time.DayOfWeek.SATURDAY && weekday != java.time.DayOfWeek.SUNDAY;
        }
        return days.isBusinessDay(date, place);
    }

    private Optional<Place> place(UUID prospectId) {
        var answer = places.getIfAvailable();
        return answer == null ? Optional.empty() : answer.placeOf(prospectId);
    }

    private long sentToProspect(UUID prospectId, Instant from, Instant until) {
        return jdbc.sql("select count(*) from outbox where prospect_id = ? and bulk = true and status = ?"
                        + " and sent_at >= ? and sent_at < ?")
                .params(prospectId, SENT, Sql.ts(from), Sql.ts(until))
                .query(Long.class)
                .single();
    }

    /**
     * When {@code limit} automated emails went out in the {@code span} up to {@code at}: the moment
     * the oldest of them leaves that span; empty while there is room.
     */
    private Optional<Instant> freeFrom(Instant at, Duration span, int limit) {
        List<Instant> sent = jdbc.sql("select sent_at from outbox where bulk = true and status = ?"
                        + " and sent_at > ? and sent_at <= ? order by sent_at desc")
                .params(SENT, Sql.ts(at.minus(span)), Sql.ts(at))
                .query((rs, n) -> Sql.instant(rs, "sent_at"))
                .list();
        if (sent.size() < limit) {
            return Optional.empty();
        }
        var oldestCounted = sent.get(limit - 1);
        return Optional.of(oldestCounted.plus(span).plusMillis(1));
    }
}
