package org.followthrough.desk.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.calls.Queue;
import org.followthrough.messaging.EmailApprovals;
import org.followthrough.prospects.Prospects;
import org.followthrough.team.Actor;
import org.followthrough.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rep's day: the queue in the order to work it, grouped as due now, overdue (and how late),
 * later today and the next days, each task in both local times, with the number to dial. Every
 * section says how many calls it truly holds and shows them {@link #PAGE} at a time ("Show more");
 * the next days are always there, booked appointments however far ahead included. A row whose
 * prospect may not be called at this moment says so and when their window opens. The queue part is
 * a fragment that refreshes itself every minute and at once when the live stream announces a new
 * inbound or trigger task. Above the calls, the emails the rep approves before they go out ("Approve
 * email to …"), each opening its draft to edit and send, or skip.
 */
@Controller
@Page
class TodayPage {

    /** Later than this, a due task counts as overdue and says by how much. */
    static final Duration GRACE = Duration.ofMinutes(15);

    /** Rows a section shows at first, and how many more each "Show more" adds. */
    static final int PAGE = 50;

    static final List<String> SECTIONS = List.of("Due now", "Overdue", "Later today", "Next days");

    record Row(
            Queue.Item task,
            ZonedDateTime prospectTime,
            ZonedDateTime yourTime,
            String late,
            DialLinks.Dial dial,
            String closed) {}

    /** A section: its true count, the rows shown, and how many a "Show more" would show. */
    record Section(String title, String key, int count, List<Row> rows, int more) {}

    private final Queue queue;
    private final Clock clock;
    private final DialLinks dial;
    private final CallCalendar calendar;
    private final Prospects prospects;
    private final EmailApprovals approvals;

    TodayPage(
            Queue queue,
            Clock clock,
            DialLinks dial,
            CallCalendar calendar,
            Prospects prospects,
            EmailApprovals approvals) {
        this.approvals = approvals;
        this.queue = queue;
        this.clock = clock;
        this.dial = dial;
        this.calendar = calendar;
        this.prospects = prospects;
    }

    @GetMapping("/today")
    String today(Actor actor, @RequestParam Map<String, String> shown, Model model) {
        fill(actor, shown, model);
        return "desk/today";
    }

    /** "Start calling": the first call that may be made now, or Today saying nothing is due. */
    @GetMapping("/today/start")
    String start(Actor actor, RedirectAttributes redirect) {
        // read past a few due calls that may not be made right now (R2) to the first that may
        var first = queue.of(actor.id(), 20).stream().filter(Queue.Item::due).findFirst();
        if (first.isEmpty()) {
            redirect.addAttribute("nothingDue", "");
            return "redirect:/today";
        }
        return "redirect:/prospects/" + first.get().prospectId() + "/call?task="
                + first.get().taskId();
    }

    /**
     * A row's skip and snooze forms, for htmx when the rep opens them: Today shows many rows, and most
     * are never skipped or snoozed. Sending them refuses a call that is not the rep's.
     */
    @GetMapping("/today/actions")
    String actions(@RequestParam java.util.UUID task, @RequestParam java.util.UUID prospect, Model model) {
        model.addAttribute("task", task);
        model.addAttribute("prospect", prospect);
        model.addAttribute("skipReasons", CallPage.SKIP_REASONS);
        model.addAttribute("snoozes", CallPage.SNOOZES);
        return "desk/today :: actions";
    }

    /**
     * The queue part alone, for htmx. {@code v} is the version the page shows; when nothing changed
     * the answer is 204, htmx leaves the part alone and the rep's keyboard focus stays where it was.
     */
    @GetMapping("/today/queue")
    String queue(
            Actor actor,
            @RequestParam(required = false) String v,
            @RequestParam Map<String, String> shown,
            Model model,
            HttpServletResponse response) {
        fill(actor, shown, model);
        if (model.getAttribute("version").equals(v)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return null;
        }
        return "desk/today :: queue";
    }

    private void fill(Actor actor, Map<String, String> shown, Model model) {
        var now = clock.instant();
        var today = now.atZone(actor.timeZone()).toLocalDate();
        var limits = new java.util.EnumMap<Queue.Part, Integer>(Queue.Part.class);
        for (var part : Queue.Part.values()) {
            limits.put(part, limit(shown.get(key(SECTIONS.get(part.ordinal())))));
        }
        var day = queue.day(
                actor.id(),
                now.minus(GRACE),
                today.plusDays(1).atStartOfDay(actor.timeZone()).toInstant(),
                limits);
        var sections = new ArrayList<Section>();
        int count = 0;
        var showing = new LinkedHashMap<String, Integer>();
        for (var part : Queue.Part.values()) {
            var title = SECTIONS.get(part.ordinal());
            var key = key(title);
            var slice = day.get(part);
            int limit = limits.get(part);
            var rows = new ArrayList<Row>();
            var page = queue.finish(slice.items());
            var opens = opens(page, now);
            for (var task : page) {
                var at = opens.get(task.prospectId());
                // said of a call that would be made before their hours open: one due now, or moved to the opening
                var closed = at == null || task.dueAt().isAfter(at) ? null : LegalHours.opens(at, zone(task), now);
                rows.add(row(task, actor.timeZone(), now, closed));
            }
            count += slice.count();
            showing.put(key, Math.min(slice.count(), limit));
            sections.add(
                    new Section(title, key, slice.count(), rows, Math.max(0, Math.min(PAGE, slice.count() - limit))));
        }
        model.addAttribute("sections", sections);
        model.addAttribute("count", count);
        model.addAttribute("dueCount", sections.get(0).count() + sections.get(1).count());
        model.addAttribute("showing", showing);
        // the emails of "review before sending" steps are tasks of the rep's too: approve (edit, send or skip)
        var toApprove = approvals.of(actor);
        model.addAttribute("approvals", toApprove);
        model.addAttribute("yourZone", actor.timeZone());
        model.addAttribute("version", version(sections) + Integer.toHexString(toApprove.hashCode()));
    }

    /** The rows a section shows: at least a page, more when the rep asked for more. */
    private static int limit(String asked) {
        try {
            return asked == null ? PAGE : Math.max(PAGE, Math.min(100_000, Integer.parseInt(asked)));
        } catch (NumberFormatException e) {
            return PAGE;
        }
    }

    static String key(String title) {
        return switch (title) {
            case "Due now" -> "dueNow";
            case "Overdue" -> "overdue";
            case "Later today" -> "laterToday";
            default -> "nextDays";
        };
    }

    /** Changes whenever anything the queue part shows changes: its tasks, their order, lateness, labels, scores, counts. */
    private static String version(List<Section> sections) {
        var shown = new StringBuilder();
        sections.forEach(section -> {
            shown.append(section.title()).append(section.count()).append(':');
            section.rows().forEach(r -> shown.append(r.task())
                    .append(r.late())
                    .append(r.closed())
                    .append(';'));
        });
        return Integer.toHexString(shown.toString().hashCode());
    }

    private static String section(Queue.Item task, ZoneId zone, Instant now, LocalDate today) {
        if (task.due()) {
            return task.dueAt().isBefore(now.minus(GRACE)) ? "Overdue" : "Due now";
        }
        return task.dueAt().atZone(zone).toLocalDate().equals(today) ? "Later today" : "Next days";
    }

    private Row row(Queue.Item task, ZoneId yours, Instant now, String closed) {
        var late = Duration.between(task.dueAt(), now);
        return new Row(
                task,
                task.dueAt().atZone(ZoneId.of(task.prospectTimeZone())),
                task.dueAt().atZone(yours),
                task.due() && late.compareTo(GRACE) > 0 ? howLong(late) + " late" : null,
                dial.of(task.phone()),
                closed);
    }

    /**
     * Of the prospects of these rows, those who may not be called this minute (their evening, weekend
     * or holiday) and when their hours open. One read for the rows shown, one check per place.
     */
    private Map<java.util.UUID, Instant> opens(List<Queue.Item> rows, Instant now) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        var closed = new java.util.HashMap<java.util.UUID, Instant>();
        var byPlace = new java.util.HashMap<org.followthrough.calendar.Place, Instant>();
        for (var p : prospects.byIds(
                rows.stream().map(Queue.Item::prospectId).distinct().toList())) {
            var opens = byPlace.computeIfAbsent(p.place(), place -> calendar.earliestLegal(now, place));
            if (opens.isAfter(now)) {
                closed.put(p.id(), opens);
            }
        }
        return closed;
    }

    private static ZoneId zone(Queue.Item task) {
        return ZoneId.of(task.prospectTimeZone());
    }

    static String howLong(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + " d " + d.toHoursPart() + " h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return d.toMinutes() + " min";
    }
}
