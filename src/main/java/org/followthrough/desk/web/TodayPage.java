package org.followthrough.desk.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.followthrough.calls.Queue;
import org.followthrough.team.Actor;
import org.followthrough.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rep's day: the queue in the order to work it, grouped as due now, overdue (and how late),
 * later today and the next days, each task in both local times. The queue part is a fragment that
 * refreshes itself every minute and at once when the live stream announces a new inbound or trigger
 * task.
 */
@Controller
@Page
class TodayPage {

    /** Later than this, a due task counts as overdue and says by how much. */
    static final Duration GRACE = Duration.ofMinutes(15);

    record Row(Queue.Item task, ZonedDateTime prospectTime, ZonedDateTime yourTime, String late, DialLinks.Dial dial) {}

    record Section(String title, List<Row> rows) {}

    private final Queue queue;
    private final Clock clock;
    private final DialLinks dial;

    TodayPage(Queue queue, Clock clock, DialLinks dial) {
        this.queue = queue;
        this.clock = clock;
        this.dial = dial;
    }

    @GetMapping("/today")
    String today(Actor actor, Model model) {
        fill(actor, model);
        return "desk/today";
    }

    /**
     * The queue part alone, for htmx. {@code v} is the version the page shows; when nothing changed
     * the answer is 204, htmx leaves the part alone and the rep's keyboard focus stays where it was.
     */
    @GetMapping("/today/queue")
    String queue(Actor actor, @RequestParam(required = false) String v, Model model, HttpServletResponse response) {
        fill(actor, model);
        if (model.getAttribute("version").equals(v)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return null;
        }
        return "desk/today :: queue";
    }

    private void fill(Actor actor, Model model) {
        var now = clock.instant();
        var sections = new LinkedHashMap<String, List<Row>>();
        for (var title : List.of("Due now", "Overdue", "Later today", "Next days")) {
            sections.put(title, new ArrayList<>());
        }
        var today = now.atZone(actor.timeZone()).toLocalDate();
        for (var task : queue.of(actor.id(), 200)) {
            sections.get(section(task, actor.timeZone(), now, today)).add(row(task, actor.timeZone(), now));
        }
        model.addAttribute(
                "sections",
                sections.entrySet().stream()
                        .map(e -> new Section(e.getKey(), e.getValue()))
                        .toList());
        model.addAttribute(
                "count", sections.values().stream().mapToInt(List::size).sum());
        model.addAttribute("version", version(sections));
    }

    /** Changes whenever anything the queue part shows changes: its tasks, their order, lateness, labels, scores. */
    private static String version(java.util.Map<String, List<Row>> sections) {
        var shown = new StringBuilder();
        sections.forEach((title, rows) -> {
            shown.append(title).append(':');
            rows.forEach(r -> shown.append(r.task()).append(r.late()).append(';'));
        });
        return Integer.toHexString(shown.toString().hashCode());
    }

    private static String section(Queue.Item task, ZoneId zone, Instant now, java.time.LocalDate today) {
        if (task.due()) {
            return task.dueAt().isBefore(now.minus(GRACE)) ? "Overdue" : "Due now";
        }
        return task.dueAt().atZone(zone).toLocalDate().equals(today) ? "Later today" : "Next days";
    }

    private Row row(Queue.Item task, ZoneId yours, Instant now) {
        var late = Duration.between(task.dueAt(), now);
        return new Row(
                task,
                task.dueAt().atZone(ZoneId.of(task.prospectTimeZone())),
                task.dueAt().atZone(yours),
                task.due() && late.compareTo(GRACE) > 0 ? howLong(late) + " late" : null,
                dial.of(task.phone()));
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
