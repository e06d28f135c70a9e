package org.followthrough.cadence;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.calendar.CallingWindows;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.team.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The calling rules administrators change (R2, R3): calling hours that replace the shipped rows for a
 * place and weekdays, and the organisation's own days off. Stored, and handed to the {@link
 * CallCalendar} the planner, the slots and the queue all read — at once on this instance, and within
 * {@code followthrough.calling.reload-every} (30 s) on every other one.
 */
@Service
public class CallingRules implements SmartLifecycle {

    /** A rule as given: where, weekdays, hours and the law it follows. */
    public record RuleInput(String where, String days, String hours, String source) {}

    /** One of the organisation's days off. */
    public record DayOff(LocalDate date, String name) {}

    private static final Logger log = LoggerFactory.getLogger(CallingRules.class);

    static final int MAX_OVERRIDES = 500;

    private final JdbcClient jdbc;
    private final CallCalendar calendar;
    private final CallingWindows base;
    private final Clock clock;
    private final Duration every;
    private ScheduledExecutorService timer;

    CallingRules(JdbcClient jdbc, CallCalendar calendar, Clock clock, CadenceConfiguration.CallingSettings settings) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.base = calendar.windows();
        this.clock = clock;
        this.every = settings.reloadEvery();
    }

    /** The administrator's rows, in order. */
    public List<CallingWindows.Rule> overrides() {
        return jdbc.sql("select place, days, hours, source from calling_hours order by position")
                .query((rs, n) -> CallingWindows.Rule.parse(
                        rs.getString("place"), rs.getString("days"), rs.getString("hours"), rs.getString("source")))
                .list();
    }

    /** Every row in force: the shipped ones, those of the configuration, then the administrator's. */
    public List<CallingWindows.Rule> inForce() {
        return calendar.windows().rules();
    }

    /** The shipped and configured rows alone, as they are before any administrator's change. */
    public List<CallingWindows.Rule> shipped() {
        return base.rules();
    }

    /** Replaces the administrator's rows with these; each is checked and a wrong one named by its place in the list. */
    @Transactional
    public List<CallingWindows.Rule> replace(Actor actor, List<RuleInput> rows) {
        requireAdmin(actor);
        var given = rows == null ? List.<RuleInput>of() : rows;
        var problems = new InvalidInput.Collector();
        if (given.size() > MAX_OVERRIDES) {
            problems.add("overrides", "at most " + MAX_OVERRIDES + " rows");
        }
        var rules = new ArrayList<CallingWindows.Rule>();
        for (int i = 0; i < given.size() && i < MAX_OVERRIDES; i++) {
            var row = given.get(i);
            var field = "overrides[" + i + "].";
            if (row == null) {
                problems.add("overrides[" + i + "]", "a row needs where, days and hours");
                continue;
            }
            try {
                rules.add(CallingWindows.Rule.parse(row.where(), row.days(), row.hours(), row.source()));
            } catch (IllegalArgumentException e) {
                problems.add(field + fieldOf(e.getMessage()), e.getMessage());
            }
            if (row.source() != null && row.source().length() > 500) {
                problems.add(field + "source", "at most 500 characters");
            }
            if (row.hours() != null && row.hours().length() > 200) {
                problems.add(field + "hours", "at most 200 characters");
            }
        }
        problems.throwIfAny();
        jdbc.sql("delete from calling_hours").update();
        var now = java.sql.Timestamp.from(clock.instant());
        for (int i = 0; i < rules.size(); i++) {
            var rule = rules.get(i);
            jdbc.sql(
                            "insert into calling_hours (position, place, days, hours, source, changed_at) values (?, ?, ?, ?, ?, ?)")
                    .params(i, rule.where(), rule.daysText(), rule.hoursText(), rule.source(), now)
                    .update();
        }
        afterCommit();
        return rules;
    }

    public List<DayOff> daysOff() {
        return jdbc.sql("select off_on, name from days_off order by off_on")
                .query((rs, n) -> new DayOff(rs.getDate("off_on").toLocalDate(), rs.getString("name")))
                .list();
    }

    /** Adds a day off (or renames one already there). */
    @Transactional
    public DayOff addDayOff(Actor actor, LocalDate date, String name) {
        requireAdmin(actor);
        var problems = new InvalidInput.Collector();
        if (date == null) {
            problems.add("date", "a date such as 2026-12-24");
        }
        var label = name == null ? "" : name.strip();
        if (label.isEmpty()) {
            problems.add("name", "say what the day is, such as Company retreat");
        } else if (label.length() > 200) {
            problems.add("name", "at most 200 characters");
        }
        problems.throwIfAny();
        jdbc.sql("delete from days_off where off_on = ?").params(date).update();
        jdbc.sql("insert into days_off (off_on, name, added_at) values (?, ?, ?)")
                .params(date, label, java.sql.Timestamp.from(clock.instant()))
                .update();
        afterCommit();
        return new DayOff(date, label);
    }

    @Transactional
    public void removeDayOff(Actor actor, LocalDate date) {
        requireAdmin(actor);
        if (jdbc.sql("delete from days_off where off_on = ?").params(date).update() == 0) {
            throw Refusal.notFound("Day off", date);
        }
        afterCommit();
    }

    /** A weekday skipped: a public holiday or a day off of the organisation's that falls on a business day. */
    public record SkippedDay(LocalDate date, String name, boolean organisation) {}

    /**
     * The days from {@code from} to {@code until} that would be business days in the country (and
     * region) but are skipped: its public holidays and the organisation's days off, in date order.
     */
    public List<SkippedDay> skipped(String country, String region, LocalDate from, LocalDate until) {
        var weekend = calendar.weekend(country);
        var own = new java.util.HashMap<LocalDate, String>();
        daysOff().forEach(d -> own.put(d.date(), d.name()));
        var days = new java.util.TreeMap<LocalDate, SkippedDay>();
        for (var holiday : calendar.holidays(country, region, from, until)) {
            if (!weekend.contains(holiday.date().getDayOfWeek())) {
                days.put(holiday.date(), new SkippedDay(holiday.date(), holiday.name(), false));
            }
        }
        own.forEach((date, name) -> {
            if (!date.isBefore(from) && !date.isAfter(until) && !weekend.contains(date.getDayOfWeek())) {
                days.putIfAbsent(date, new SkippedDay(date, name, true));
            }
        });
        return List.copyOf(days.values());
    }

    /** Reads the stored rules and days off again and hands them to the calendar. */
    public void reload() {
        var overrides = overrides();
        calendar.use(overrides.isEmpty() ? base : base.with(overrides));
        var days = new HashSet<LocalDate>();
        daysOff().forEach(d -> days.add(d.date()));
        calendar.useDaysOff(days);
    }

    private void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reload();
                }
            });
        } else {
            reload();
        }
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw Refusal.forbidden("Only administrators change the calling rules and the days off.");
        }
    }

    /** The field a rule's complaint is about, from the words it starts with. */
    private static String fieldOf(String message) {
        if (message.startsWith("where")) {
            return "where";
        }
        if (message.startsWith("days") || message.startsWith("a rule applies")) {
            return "days";
        }
        return "hours";
    }

    @Override
    public void start() {
        reload();
        if (every.isZero() || every.isNegative()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "calling-rules-reload");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::reloadQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            log.warn("Could not read the calling rules again; the ones read before stay in force", e);
        }
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
