package org.followthrough.calls.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.followthrough.calls.Queue;
import org.followthrough.calls.TaskKind;
import org.followthrough.team.Actor;
import org.followthrough.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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

    static final Duration ANNOUNCE = Duration.ofMinutes(5);

    record Row(Queue.Item task, ZonedDateTime prospectTime, ZonedDateTime yourTime, String late) {}

    record Section(String title, List<Row> rows) {}

    private final Queue queue;
    private final Clock clock;

    TodayPage(Queue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    @GetMapping("/today")
    String today(Actor actor, Model model) {
        fill(actor, model);
        return "calls/today";
    }

    @GetMapping("/today/queue")
    String queue(Actor actor, Model model) {
        fill(actor, model);
        return "calls/today :: queue";
    }

    private void fill(Actor actor, Model model) {
        var now = clock.instant();
        var sections = new LinkedHashMap<String, List<Row>>();
        for (var title : List.of("Due now", "Overdue", "Later today", "Next days")) {
            sections.put(title, new ArrayList<>());
        }
        var today = now.atZone(actor.timeZone()).toLocalDate();
        var starting = new ArrayList<Row>();
        for (var task : queue.of(actor.id(), 200)) {
            var row = row(task, actor.timeZone(), now);
            sections.get(section(task, actor.timeZone(), now, today)).add(row);
            if (task.kind() == TaskKind.APPOINTMENT
                    && !task.dueAt().isBefore(now)
                    && task.dueAt().isBefore(now.plus(ANNOUNCE))) {
                starting.add(row);
            }
        }
        model.addAttribute(
                "sections",
                sections.entrySet().stream()
                        .map(e -> new Section(e.getKey(), e.getValue()))
                        .toList());
        model.addAttribute("starting", starting);
        model.addAttribute(
                "count", sections.values().stream().mapToInt(List::size).sum());
    }

    private static String section(Queue.Item task, ZoneId zone, Instant now, java.time.LocalDate today) {
        if (task.due()) {
            return task.dueAt().isBefore(now.minus(GRACE)) ? "Overdue" : "Due now";
        }
        return task.dueAt().atZone(zone).toLocalDate().equals(today) ? "Later today" : "Next days";
    }

    private static Row row(Queue.Item task, ZoneId yours, Instant now) {
        var late = Duration.between(task.dueAt(), now);
        return new Row(
                task,
                task.dueAt().atZone(ZoneId.of(task.prospectTimeZone())),
                task.dueAt().atZone(yours),
                task.due() && late.compareTo(GRACE) > 0 ? howLong(late) + " late" : null);
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
