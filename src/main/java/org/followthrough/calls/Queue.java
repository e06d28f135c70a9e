package org.followthrough.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.calendar.Place;
import org.followthrough.common.Nullable;
import org.followthrough.common.Sql;
import org.followthrough.common.Where;
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

        private Item with(String label, Instant dueAt, boolean due, int score) {
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

    /** The order of the API's queue reads: by due time, then creation. */
    private static final String BY_TIME = "t.due_at, t.created_at";

    /**
     * The same order naming the owner and status too (one of each here), so that H2 also reads it from the
     * index on (owner, status, due time, creation) instead of sorting every match.
     */
    private static final String BY_DUE = "t.owner_id, t.status, t.due_at, t.created_at";

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

    /**
     * A prospect's open calls, the next first: what their timeline and the script for the next call build
     * on; the call screen sends the one it shows as {@code taskId}, so the same form sent twice cannot log
     * the call twice.
     */
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
                var read = read(
                        owned(ownerId).and(new Where(urgency + " and t.due_at <= ?", Sql.ts(now))),
                        BY_TIME,
                        offset,
                        page);
                for (var shown : items(read, now, callable)) {
                    (shown.due() ? due : deferred).add(shown);
                }
                if (read.size() < page) {
                    break;
                }
                offset += read.size();
            }
        }
        var items = new ArrayList<Item>(due);
        if (due.size() < limit) {
            var later = new ArrayList<Item>(deferred);
            var soon = new Where("t.due_at > ? and t.due_at <= ?", Sql.ts(now), Sql.ts(now.plus(HORIZON)));
            later.addAll(items(read(owned(ownerId).and(soon), BY_TIME, 0, limit - due.size()), now, null));
            later.sort(Comparator.comparing(Item::dueAt));
            items.addAll(later.subList(0, Math.min(later.size(), limit - due.size())));
        }
        return finish(items);
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
     * counts are one grouped read of an index (by place, time span and urgency), the legal window is
     * worked out once per place of the due calls, and each section reads only the rows it shows, in
     * the order shown: a group of urgency at a time by due time, and the calls deferred to an opening a
     * place at a time, merged with those due later.
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
        var agreedSince = Sql.ts(now.minus(CallableNow.AGREED));
        var params = new ArrayList<Object>(List.of(Sql.ts(graceFrom), Sql.ts(now), Sql.ts(tomorrow), agreedSince));
        params.addAll(base.params());
        var groups = jdbc.sql(
                        """
                select g.place, g.span, g.agreed, g.urgency, count(*) as n, min(g.someone) as someone from (
                  select t.queue_place as place,
                    case when t.due_at < ? then 0 when t.due_at <= ? then 1 when t.due_at < ? then 2 else 3 end as span,
                    case when t.kind = 'APPOINTMENT' and t.due_at > ? then 1 else 0 end as agreed,
                    case t.kind when 'APPOINTMENT' then 0 when 'INBOUND' then 1 when 'RETRY' then 2
                      when 'TRIGGER' then 2 else 3 end as urgency,
                    cast(t.prospect_id as varchar(36)) as someone
                  from tasks t where %s) g
                group by g.place, g.span, g.agreed, g.urgency"""
                                .formatted(base.sql()))
                .params(params)
                .query((rs, n) -> new Group(
                        rs.getString("place"),
                        rs.getInt("span"),
                        rs.getInt("agreed") == 1,
                        rs.getInt("urgency"),
                        rs.getInt("n"),
                        UUID.fromString(rs.getString("someone"))))
                .list();
        // the places of the calls due now, and when each may be called
        var someone = new java.util.LinkedHashMap<String, UUID>();
        groups.stream().filter(Group::due).forEach(g -> someone.putIfAbsent(g.place(), g.someone()));
        var placeOf = new HashMap<UUID, Place>();
        prospects.byIds(List.copyOf(someone.values())).forEach(p -> placeOf.put(p.id(), p.place()));
        var opens = new HashMap<String, Instant>();
        var callable = new CallableNow(calendar, now);
        // a place whose someone is gone meanwhile has no opening: its calls come at their due time
        someone.forEach((key, prospect) -> Optional.ofNullable(placeOf.get(prospect))
                .ifPresent(where -> opens.put(key, callable.callableAt(TaskKind.FOLLOW_UP, now, where))));
        var callableNow = opens.keySet().stream()
                .filter(key -> !opens.get(key).isAfter(now))
                .collect(java.util.stream.Collectors.toSet());
        opens.keySet().removeAll(callableNow);
        // each group's section; a deferred group's calls wait for the opening of their place
        var counts = new int[Part.values().length];
        var dueByUrgency = new int[2][URGENCY.size()];
        var deferred = new java.util.TreeMap<Instant, List<String>>();
        var deferredCount = new HashMap<Instant, Integer>();
        var gone = new java.util.LinkedHashSet<String>();
        // the calls of each section read at their due time, apart from those deferred to an opening
        var directCounts = new int[Part.values().length];
        for (var g : groups) {
            Part part;
            if (!g.due()) {
                part = g.span() == 2 ? Part.LATER_TODAY : Part.NEXT_DAYS;
                directCounts[part.ordinal()] += g.count();
            } else if (g.agreed() || callableNow.contains(g.place())) {
                part = g.span() == 0 ? Part.OVERDUE : Part.DUE_NOW;
                dueByUrgency[g.span()][g.urgency()] += g.count();
            } else if (opens.containsKey(g.place())) {
                var at = opens.get(g.place());
                part = at.isBefore(tomorrow) ? Part.LATER_TODAY : Part.NEXT_DAYS;
                var places = deferred.computeIfAbsent(at, x -> new ArrayList<>());
                if (!places.contains(g.place())) {
                    places.add(g.place());
                }
                deferredCount.merge(at, g.count(), Integer::sum);
            } else {
                part = Part.LATER_TODAY;
                gone.add(g.place());
                directCounts[part.ordinal()] += g.count();
            }
            counts[part.ordinal()] += g.count();
        }
        var result = new java.util.EnumMap<Part, Slice>(Part.class);
        for (var part : Part.values()) {
            int limit = Math.min(counts[part.ordinal()], limits.getOrDefault(part, 0));
            var tasks = new ArrayList<Task>();
            if (limit > 0 && (part == Part.DUE_NOW || part == Part.OVERDUE)) {
                int span = part == Part.OVERDUE ? 0 : 1;
                var when = span == 0
                        ? new Where("t.due_at < ?", Sql.ts(graceFrom))
                        : new Where("t.due_at >= ? and t.due_at <= ?", Sql.ts(graceFrom), Sql.ts(now));
                var which = new Where("t.kind = 'APPOINTMENT' and t.due_at > ?", agreedSince)
                        .and(Where.in("t.queue_place", callableNow), " or ");
                for (int u = 0; u < URGENCY.size() && tasks.size() < limit; u++) {
                    if (dueByUrgency[span][u] > 0) {
                        // appointments and inbound calls are one kind each: read from the index on (owner, status,
                        // kind, due time)
                        tasks.addAll(read(
                                base.and(when).and(new Where(URGENCY.get(u))).and(which),
                                u <= 1 ? "t.owner_id, t.status, t.kind, t.due_at, t.created_at" : BY_DUE,
                                0,
                                Math.min(limit - tasks.size(), dueByUrgency[span][u])));
                    }
                }
            } else if (limit > 0) {
                boolean later = part == Part.LATER_TODAY;
                // due later (or due now for a prospect gone meanwhile): at their due time
                var direct = later
                        ? new Where("t.due_at > ? and t.due_at < ?", Sql.ts(now), Sql.ts(tomorrow))
                        : new Where("t.due_at >= ?", Sql.ts(tomorrow));
                if (later && !gone.isEmpty()) {
                    direct = direct.and(dueIn(gone, now, agreedSince), " or ");
                }
                int directCount = directCounts[part.ordinal()];
                var first = directCount == 0
                        ? List.<Task>of()
                        : read(base.and(direct), BY_DUE, 0, Math.min(limit, directCount));
                int next = 0;
                for (var opening : deferred.entrySet()) {
                    if (opening.getKey().isBefore(tomorrow) != later) {
                        continue;
                    }
                    while (next < first.size()
                            && tasks.size() < limit
                            && first.get(next).dueAt().isBefore(opening.getKey())) {
                        tasks.add(first.get(next++));
                    }
                    if (tasks.size() >= limit) {
                        break;
                    }
                    var places = opening.getValue();
                    // one place (as a rule): in the order of the index on (owner, status, place, due time, creation)
                    tasks.addAll(read(
                            base.and(dueIn(places, now, agreedSince)),
                            places.size() == 1 ? "t.owner_id, t.status, t.queue_place, t.due_at, t.created_at" : BY_DUE,
                            0,
                            Math.min(limit - tasks.size(), deferredCount.get(opening.getKey()))));
                }
                while (next < first.size() && tasks.size() < limit) {
                    tasks.add(first.get(next++));
                }
            }
            result.put(
                    part, new Slice(counts[part.ordinal()], tasks.isEmpty() ? List.of() : items(tasks, now, callable)));
        }
        return result;
    }

    /** A group of the owner's open calls as counted: their place, time span, urgency and how many. */
    private record Group(String place, int span, boolean agreed, int urgency, int count, UUID someone) {

        /** Due now (by the clock; a prospect's hours may still put them later). */
        boolean due() {
            return span <= 1;
        }
    }

    /** The calls due now in these places, an agreed appointment aside (it is called at its minute anywhere). */
    private static Where dueIn(java.util.Collection<String> places, Instant now, Object agreedSince) {
        return new Where("t.due_at <= ? and not (t.kind = 'APPOINTMENT' and t.due_at > ?)", Sql.ts(now), agreedSince)
                .and(Where.in("t.queue_place", places));
    }

    /** The owner's open tasks. */
    private static Where owned(UUID ownerId) {
        return new Where("t.owner_id = ? and t.status = ?", ownerId, Task.Status.OPEN.name());
    }

    /** The tasks that meet the condition in the order given, from {@code offset} on, up to the limit. */
    private List<Task> read(Where where, String order, int offset, int limit) {
        var values = new ArrayList<Object>(where.params());
        values.add(offset);
        values.add(limit);
        return jdbc.sql("select t.* from tasks t where %s order by %s offset ? rows fetch first ? rows only"
                        .formatted(where.sql(), order))
                .params(values)
                .query(Tasks::map)
                .list();
    }

    /**
     * Those of the tasks that belong in the queue, as it shows them; with {@code callable}, a call due now
     * that may not be made now (R2) is shown later, at its prospect's opening.
     */
    private List<Item> items(List<Task> tasks, Instant now, @Nullable CallableNow callable) {
        var people = new HashMap<UUID, Prospect>();
        prospects
                .byIds(tasks.stream().map(Task::prospectId).distinct().toList())
                .forEach(p -> people.put(p.id(), p));
        var items = new ArrayList<Item>(tasks.size());
        for (var task : tasks) {
            var p = people.get(task.prospectId());
            if (p != null && queued(p, task.kind())) {
                var item = item(task, p, now);
                var at = callable != null && item.due()
                        ? callable.callableAt(task.kind(), task.dueAt(), p.place())
                        : now;
                items.add(at.isAfter(now) ? item.with(item.label(), at, false, 0) : item);
            }
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

    /**
     * The items with their labels (R5) and intent scores (R22), in the order to work them. R22: among calls
     * of the same urgency due at the same instant, the warmer prospect first. The database has already
     * ordered by urgency and due time; a stable sort only reorders within ties.
     */
    public List<Item> finish(List<Item> items) {
        if (items.isEmpty()) {
            return items;
        }
        var ids = items.stream().map(Item::prospectId).distinct().toList();
        var counts = touches.counts(ids);
        var score = scores.scores(ids);
        var finished = new ArrayList<Item>(items.size());
        for (var i : items) {
            var label = i.label() != null
                    ? i.label()
                    : counts.getOrDefault(i.prospectId(), Attempts.NONE).nextLabel();
            finished.add(i.with(label, i.dueAt(), i.due(), score.getOrDefault(i.prospectId(), 0)));
        }
        finished.sort(Comparator.comparing((Item i) -> i.due() ? 0 : 1)
                .thenComparing(i -> i.due() ? i.kind().priority() : 0)
                .thenComparing(Item::dueAt)
                .thenComparing(Item::score, Comparator.reverseOrder()));
        return finished;
    }

    /**
     * The owner's open appointment calls due between the two instants, earliest first: for the
     * announcement pages show five minutes before, kept until the call is logged.
     */
    public List<Item> appointments(UUID ownerId, Instant from, Instant until) {
        var when = new Where("t.kind = 'APPOINTMENT' and t.due_at >= ? and t.due_at <= ?", Sql.ts(from), Sql.ts(until));
        return items(read(owned(ownerId).and(when), BY_TIME, 0, 20), clock.instant(), null);
    }

    /**
     * Whether the prospect's task belongs in the queue: never for do-not-call (R2); for a prospect in
     * NURTURE, WON or LOST only the calls that still concern them.
     */
    private static boolean queued(Prospect p, TaskKind kind) {
        return !p.doNotCall() && (p.stage().isOpen() || kind.callsClosedProspects());
    }
}
