package org.followthrough.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.calendar.Place;
import org.followthrough.common.Sql;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.followthrough.touches.Attempts;
import org.followthrough.touches.Touches;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A rep's tasks in the order to work them: what is due now and may be called now first —
 * appointments (R11), then fresh web inquiries (R7), then trigger events and missed-appointment
 * retries, then attempts and follow-ups by due time — then what comes later.
 * Do-not-call prospects never appear; prospects in NURTURE, WON or LOST leave the call queue except
 * for after-sale calls and trigger events.
 */
@Service
public class Queue {

    /** One task as the queue shows it, with the prospect's local due time and number (E.164). */
    public record Item(
            UUID taskId,
            UUID prospectId,
            String prospectName,
            String label,
            TaskKind kind,
            Instant dueAt,
            String prospectTimeZone,
            boolean due,
            String reason,
            String template,
            int score,
            String phone) {

        Item withScore(int score) {
            return new Item(
                    taskId,
                    prospectId,
                    prospectName,
                    label,
                    kind,
                    dueAt,
                    prospectTimeZone,
                    due,
                    reason,
                    template,
                    score,
                    phone);
        }

        /** Not callable now (R2): shown later, at the moment it may be called. */
        Item deferredTo(Instant callableAt) {
            return new Item(
                    taskId,
                    prospectId,
                    prospectName,
                    label,
                    kind,
                    callableAt,
                    prospectTimeZone,
                    false,
                    reason,
                    template,
                    score,
                    phone);
        }

        Item withLabel(String label) {
            return new Item(
                    taskId,
                    prospectId,
                    prospectName,
                    label,
                    kind,
                    dueAt,
                    prospectTimeZone,
                    due,
                    reason,
                    template,
                    score,
                    phone);
        }
    }

    static final Duration HORIZON = Duration.ofDays(14);

    /** How far past the limit a group of due tasks is read for callable work behind what may not be called now. */
    static final int SCAN = 5;

    /** The kinds of task due now, most urgent group first, as {@link TaskKind#priority()} ranks them. */
    static final List<String> URGENCY = List.of(
            "t.kind = 'APPOINTMENT'",
            "t.kind = 'INBOUND'",
            "t.kind in ('RETRY', 'TRIGGER')",
            "t.kind not in ('APPOINTMENT', 'INBOUND', 'RETRY', 'TRIGGER')");

    private final JdbcClient jdbc;
    private final Prospects prospects;
    private final Touches touches;
    private final Intent scores;
    private final CallCalendar calendar;
    private final Clock clock;
    private final QueueFacts facts;
    private final Tasks tasks;

    Queue(
            JdbcClient jdbc,
            Prospects prospects,
            Touches touches,
            ObjectProvider<Intent> scores,
            CallCalendar calendar,
            Clock clock,
            QueueFacts facts,
            Tasks tasks) {
        this.facts = facts;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.prospects = prospects;
        this.touches = touches;
        this.scores = scores.getIfAvailable(() -> Intent.NONE);
        this.calendar = calendar;
        this.clock = clock;
    }

    /** A prospect's open calls, the next first: what their timeline and the script for the next call build on. */
    public List<Task> openFor(UUID prospectId) {
        return tasks.openFor(prospectId);
    }

    /**
     * What is due now comes by urgency first: appointments, then inbound calls, then trigger calls and
     * retries, then the rest, each group read in due-time order from the index on (owner, status, kind,
     * due time) or (owner, status, due time) and stopping at the limit; what comes later only by due
     * time. However many tasks a rep has, no read sorts more than the limit. A task due now whose
     * prospect may not be called now (R2: 21:30 or Saturday for them) is shown later, at their next
     * legal moment, below everything callable; the group is then read on, a page at a time, for the
     * callable work behind it, up to {@link #SCAN} times the limit.
     */
    public List<Item> of(UUID ownerId, int limit) {
        var now = clock.instant();
        var callable = new CallableNow(calendar, now);
        var due = new ArrayList<Item>();
        var deferred = new ArrayList<Item>();
        for (var urgency : URGENCY) {
            for (int offset = 0; due.size() < limit && offset < SCAN * limit; ) {
                int page = limit - due.size();
                var rows = select(urgency + " and t.due_at <= ?", now, offset, page, ownerId, now);
                for (var row : rows.kept()) {
                    var at = callable.callableAt(row.item().kind(), row.item().dueAt(), row.place());
                    if (at.isAfter(now)) {
                        deferred.add(row.item().deferredTo(at));
                    } else {
                        due.add(row.item());
                    }
                }
                if (rows.read() < page) {
                    break;
                }
                offset += rows.read();
            }
        }
        var items = new ArrayList<Item>(due);
        if (due.size() < limit) {
            var later = new ArrayList<Item>(deferred);
            select("t.due_at > ? and t.due_at <= ?", now, 0, limit - due.size(), ownerId, now, now.plus(HORIZON))
                    .kept()
                    .forEach(row -> later.add(row.item()));
            later.sort(Comparator.comparing(Item::dueAt));
            items.addAll(later.subList(0, Math.min(later.size(), limit - due.size())));
        }
        var counts = touches.counts(items.stream().map(Item::prospectId).toList());
        return byIntentWhenDueTogether(items.stream()
                .map(item -> item.label() != null
                        ? item
                        : item.withLabel(counts.getOrDefault(item.prospectId(), Attempts.NONE)
                                .nextLabel()))
                .toList());
    }

    /** Today's sections: callable now and due within the grace, callable now and later than that, later today, the next days. */
    public enum Part {
        DUE_NOW,
        OVERDUE,
        LATER_TODAY,
        NEXT_DAYS
    }

    /** A section's true count and its first rows, not yet labelled or scored ({@link #finish} does that). */
    public record Slice(int count, List<Item> items) {}

    /**
     * The owner's open calls as Today shows them, counted and paged by the database: what may be called
     * now first (by urgency, then due time; due since {@code graceFrom} or earlier), then the rest by the
     * time they may be called (today before {@code tomorrow}, or later), up to {@link #HORIZON} ahead
     * and every booked appointment however far. A call due now whose prospect may not be called now
     * (R2) is counted and ordered at the moment their hours open. However many calls the rep has, the
     * legal window is worked out once per place of the due calls, the counts are one query and each
     * section reads only the rows it shows.
     */
    public java.util.Map<Part, Slice> day(
            UUID ownerId, Instant graceFrom, Instant tomorrow, java.util.Map<Part, Integer> limits) {
        var now = clock.instant();
        facts.fill(ownerId);
        var base = new Where(
                "t.owner_id = ? and t.status = ? and " + QueueFacts.QUEUED
                        + " and (t.due_at <= ? or t.kind = 'APPOINTMENT')",
                ownerId,
                Task.Status.OPEN.name(),
                Sql.ts(now.plus(HORIZON)));
        // the places of the calls due now, and when each may be called
        var places = jdbc.sql(("select t.queue_place, min(cast(t.prospect_id as varchar(36))) as someone from tasks t"
                                + " where %s and t.due_at <= ? group by t.queue_place")
                        .formatted(base.sql()))
                .params(base.with(Sql.ts(now)))
                .query((rs, n) ->
                        java.util.Map.entry(rs.getString("queue_place"), UUID.fromString(rs.getString("someone"))))
                .list();
        var placeOf = new HashMap<UUID, Place>();
        prospects
                .byIds(places.stream().map(java.util.Map.Entry::getValue).toList())
                .forEach(p -> placeOf.put(p.id(), p.place()));
        var callableKeys = new ArrayList<String>();
        var opens = new java.util.LinkedHashMap<String, Instant>();
        var callable = new CallableNow(calendar, now);
        for (var place : places) {
            var where = placeOf.get(place.getValue());
            if (where == null) {
                continue; // gone meanwhile: their calls are not counted
            }
            var at = callable.callableAt(TaskKind.FOLLOW_UP, now, where);
            if (at.isAfter(now)) {
                opens.put(place.getKey(), at);
            } else {
                callableKeys.add(place.getKey());
            }
        }
        var due = new Where(
                "t.due_at <= ? and ((t.kind = 'APPOINTMENT' and t.due_at > ?) or %s)"
                        .formatted(
                                callableKeys.isEmpty()
                                        ? "1 = 0"
                                        : "t.queue_place in ("
                                                + String.join(
                                                        ", ", java.util.Collections.nCopies(callableKeys.size(), "?"))
                                                + ")"),
                Sql.ts(now),
                Sql.ts(now.minus(CallableNow.AGREED)));
        due.params().addAll(callableKeys);
        // when a call may be made: at the opening of their hours for a call due now that may not be made now
        var when = new Where("t.due_at");
        if (!opens.isEmpty()) {
            var cases = new StringBuilder("case when t.due_at <= ? then case t.queue_place");
            var values = new ArrayList<Object>();
            values.add(Sql.ts(now));
            opens.forEach((key, at) -> {
                cases.append(" when ? then cast(? as timestamp with time zone)");
                values.add(key);
                values.add(Sql.ts(at));
            });
            when = new Where(
                    cases.append(" else t.due_at end else t.due_at end").toString(), values);
        }
        var parts = new java.util.EnumMap<Part, Where>(Part.class);
        parts.put(Part.DUE_NOW, due.and(new Where("t.due_at >= ?", Sql.ts(graceFrom))));
        parts.put(Part.OVERDUE, due.and(new Where("t.due_at < ?", Sql.ts(graceFrom))));
        parts.put(Part.LATER_TODAY, due.negated().and(when.and(new Where(" < ?", Sql.ts(tomorrow)), "")));
        parts.put(Part.NEXT_DAYS, due.negated().and(when.and(new Where(" >= ?", Sql.ts(tomorrow)), "")));
        var select = new StringBuilder("select ");
        var params = new ArrayList<Object>();
        for (var part : Part.values()) {
            select.append(part.ordinal() == 0 ? "" : ", ")
                    .append("sum(case when ")
                    .append(parts.get(part).sql())
                    .append(" then 1 else 0 end) as c")
                    .append(part.ordinal());
            params.addAll(parts.get(part).params());
        }
        params.addAll(base.params());
        var counts = jdbc.sql(
                        select.append(" from tasks t where ").append(base.sql()).toString())
                .params(params)
                .query((rs, n) -> {
                    var c = new int[Part.values().length];
                    for (int i = 0; i < c.length; i++) {
                        c[i] = rs.getInt("c" + i);
                    }
                    return c;
                })
                .single();
        var result = new java.util.EnumMap<Part, Slice>(Part.class);
        for (var part : Part.values()) {
            int limit = Math.min(counts[part.ordinal()], limits.getOrDefault(part, 0));
            if (limit == 0) {
                result.put(part, new Slice(counts[part.ordinal()], List.of()));
                continue;
            }
            var where = base.and(parts.get(part));
            var order = part == Part.DUE_NOW || part == Part.OVERDUE
                    ? new Where("case t.kind when 'APPOINTMENT' then 0 when 'INBOUND' then 1 when 'RETRY' then 2"
                            + " when 'TRIGGER' then 2 else 3 end")
                    : when;
            var sql =
                    "select t.* from tasks t where %s order by %s, t.due_at, t.created_at offset 0 rows fetch first ? rows only"
                            .formatted(where.sql(), order.sql());
            var values = new ArrayList<Object>(where.params());
            values.addAll(order.params());
            values.add(limit);
            var tasks = jdbc.sql(sql).params(values).query(Tasks::map).list();
            result.put(part, new Slice(counts[part.ordinal()], items(tasks, now, callable)));
        }
        return result;
    }

    /** A condition (or expression) of SQL with its parameters in order. */
    private record Where(String sql, List<Object> params) {

        Where(String sql, Object... params) {
            this(sql, new ArrayList<>(java.util.Arrays.asList(params)));
        }

        List<Object> with(Object... more) {
            var all = new ArrayList<Object>(params);
            all.addAll(java.util.Arrays.asList(more));
            return all;
        }

        Where and(Where other) {
            return and(other, " and ");
        }

        Where and(Where other, String joint) {
            var all = new ArrayList<Object>(params);
            all.addAll(other.params);
            return new Where(joint.isEmpty() ? sql + other.sql : "(" + sql + ")" + joint + "(" + other.sql + ")", all);
        }

        Where negated() {
            return new Where("not (" + sql + ")", new ArrayList<>(params));
        }
    }

    /** The tasks read for a section as the queue shows them, a call due now that may not be made now at its prospect's opening. */
    private List<Item> items(List<Task> tasks, Instant now, CallableNow callable) {
        var people = new HashMap<UUID, Prospect>();
        prospects
                .byIds(tasks.stream().map(Task::prospectId).distinct().toList())
                .forEach(p -> people.put(p.id(), p));
        var items = new ArrayList<Item>(tasks.size());
        for (var task : tasks) {
            var p = people.get(task.prospectId());
            if (p == null || !queued(p, task.kind())) {
                continue;
            }
            var item = item(task, p, now);
            if (item.due()) {
                var at = callable.callableAt(task.kind(), task.dueAt(), p.place());
                if (at.isAfter(now)) {
                    item = item.deferredTo(at);
                }
            }
            items.add(item);
        }
        return items;
    }

    private static Item item(Task task, Prospect p, Instant now) {
        return new Item(
                task.id(),
                task.prospectId(),
                p.fullName(),
                task.kind() == TaskKind.APPOINTMENT ? "Appointment" : null,
                task.kind(),
                task.dueAt(),
                p.timeZone().getId(),
                !task.dueAt().isAfter(now),
                task.reason(),
                task.template(),
                0,
                p.phoneE164());
    }

    /** The items with their labels (R5) and intent scores (R22), in the order to work them. */
    public List<Item> finish(List<Item> items) {
        var counts = touches.counts(items.stream().map(Item::prospectId).toList());
        return byIntentWhenDueTogether(items.stream()
                .map(item -> item.label() != null
                        ? item
                        : item.withLabel(counts.getOrDefault(item.prospectId(), Attempts.NONE)
                                .nextLabel()))
                .toList());
    }

    /**
     * The owner's open appointment calls due between the two instants, earliest first: for the
     * announcement pages show five minutes before, kept until the call is logged.
     */
    public List<Item> appointments(UUID ownerId, Instant from, Instant until) {
        return select(
                        "t.kind = 'APPOINTMENT' and t.due_at >= ? and t.due_at <= ?",
                        clock.instant(),
                        0,
                        20,
                        ownerId,
                        from,
                        until)
                .kept()
                .stream()
                .map(Row::item)
                .toList();
    }

    /**
     * R22: among calls of the same urgency due at the same instant, the warmer prospect first. The
     * database has already ordered by urgency and due time; a stable sort only reorders within ties.
     */
    private List<Item> byIntentWhenDueTogether(List<Item> items) {
        if (items.isEmpty()) {
            return items;
        }
        var score =
                scores.scores(items.stream().map(Item::prospectId).distinct().toList());
        var scored = new ArrayList<Item>(items.size());
        for (var i : items) {
            scored.add(i.withScore(score.getOrDefault(i.prospectId(), 0)));
        }
        scored.sort(Comparator.comparing((Item i) -> i.due() ? 0 : 1)
                .thenComparing(i -> i.due() ? i.kind().priority() : 0)
                .thenComparing(Item::dueAt)
                .thenComparing(Item::score, Comparator.reverseOrder()));
        return scored;
    }

    /** A task as read, with the prospect's place the legal window is checked in. */
    private record Row(Item item, Place place) {}

    /** The tasks kept for the queue out of those read: how many were read tells whether more follow. */
    private record Rows(List<Row> kept, int read) {}

    private Rows select(String when, Instant now, int offset, int count, Object... params) {
        var values = new ArrayList<Object>();
        values.add(params[0]);
        values.add(Task.Status.OPEN.name());
        for (var p : java.util.Arrays.asList(params).subList(1, params.length)) {
            values.add(p instanceof Instant i ? Sql.ts(i) : p);
        }
        values.add(offset);
        values.add(count);
        var tasks = jdbc.sql(
                        """
                select t.* from tasks t where t.owner_id = ? and t.status = ? and %s
                order by t.due_at, t.created_at
                offset ? rows fetch first ? rows only"""
                                .formatted(when))
                .params(values)
                .query(Tasks::map)
                .list();
        var people = new HashMap<UUID, Prospect>();
        prospects
                .byIds(tasks.stream().map(Task::prospectId).distinct().toList())
                .forEach(p -> people.put(p.id(), p));
        var kept = new ArrayList<Row>(tasks.size());
        for (var task : tasks) {
            var p = people.get(task.prospectId());
            if (p == null || !queued(p, task.kind())) {
                continue;
            }
            var item = item(task, p, now);
            kept.add(new Row(item, p.place()));
        }
        return new Rows(kept, tasks.size());
    }

    /**
     * Whether the prospect's task belongs in the queue: never for do-not-call (R2); for a prospect in
     * NURTURE, WON or LOST only the calls that still concern them.
     */
    private static boolean queued(Prospect p, TaskKind kind) {
        return !p.doNotCall() && (p.stage().isOpen() || kind.callsClosedProspects());
    }
}
