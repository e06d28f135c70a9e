package org.followthrough.desk.web;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.followthrough.appointments.AppointmentChanges;
import org.followthrough.briefing.CallScripts;
import org.followthrough.briefing.Timeline;
import org.followthrough.cadence.CallOutcome;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.calls.CallLog;
import org.followthrough.calls.Queue;
import org.followthrough.calls.Task;
import org.followthrough.calls.TaskChanges;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.prospects.Prospects;
import org.followthrough.team.Actor;
import org.followthrough.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The call screen: the prepared script, the objection playbooks, what happened so far and what is
 * planned, and the outcome logged in one step (buttons and keyboard shortcuts) for the task the page
 * shows. A connected call takes its next step here too (R9): a proposed slot or a time of its own
 * with the agenda, or an end stage; giving up too early asks for the confirmation of R13 only once
 * the engine refused. Refusals come back next to the field they concern, with everything entered.
 */
@Controller
@Page
class CallPage {

    static final List<CallOutcome> BUTTONS = Arrays.asList(CallOutcome.values());

    private final CallLog calls;
    private final CallScripts scripts;
    private final Timeline timeline;
    private final Queue queue;
    private final DialLinks dial;
    private final TaskChanges changes;
    private final CallCalendar calendar;
    private final AppointmentChanges appointments;
    private final Prospects prospects;
    private final Clock clock;

    CallPage(
            CallLog calls,
            CallScripts scripts,
            Timeline timeline,
            Queue queue,
            DialLinks dial,
            TaskChanges changes,
            CallCalendar calendar,
            AppointmentChanges appointments,
            Prospects prospects,
            Clock clock) {
        this.calls = calls;
        this.scripts = scripts;
        this.timeline = timeline;
        this.queue = queue;
        this.dial = dial;
        this.changes = changes;
        this.calendar = calendar;
        this.appointments = appointments;
        this.prospects = prospects;
        this.clock = clock;
    }

    /** Why a call is skipped, as the page offers them (the first is what the key {@code s} sends). */
    static final List<String> SKIP_REASONS = List.of(
            "Not the right moment for them",
            "Needs research before the call",
            "Reached them another way",
            "Another rep is talking to them");

    /** How long a call is snoozed, as the page offers it (the first is what the key {@code z} sends). */
    static final Map<String, String> SNOOZES = new java.util.LinkedHashMap<>(Map.of());

    static {
        SNOOZES.put("1h", "For an hour");
        SNOOZES.put("3h", "For three hours");
        SNOOZES.put("tomorrow", "Until tomorrow morning (their time)");
        SNOOZES.put("week", "Until next week (their time)");
    }

    @GetMapping("/prospects/{id}/call")
    String show(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) String logged,
            @RequestParam(required = false) String task,
            Model model) {
        model.addAttribute("form", CallForm.empty());
        model.addAttribute("logged", logged);
        if (logged != null) {
            model.addAttribute("nextCall", nextCall(actor, id));
        }
        return render(actor, id, task, model, Map.of());
    }

    @PostMapping("/prospects/{id}/call")
    String log(
            Actor actor,
            @PathVariable UUID id,
            @ModelAttribute("form") CallForm form,
            Model model,
            RedirectAttributes redirect) {
        try {
            var prospect = prospects.get(actor, id);
            var logged = calls.log(actor, id, form.toCall(prospect.timeZone()));
            return goOn(
                    actor,
                    prospect.id(),
                    prospect.fullName(),
                    logged.label() + " logged",
                    form.outcome() == CallOutcome.CONNECTED,
                    redirect);
        } catch (InvalidInput invalid) {
            var errors = new LinkedHashMap<String, String>();
            invalid.problems().forEach(p -> errors.merge(field(p.field()), p.message(), (a, b) -> a + " " + b));
            return render(actor, id, form.taskId(), model, errors);
        } catch (Refusal refused) {
            var where = refused.properties().containsKey("alternatives") ? "appointmentAt" : "outcome";
            if (refused.properties().containsKey("followUps")) {
                where = "confirm";
            } else if (refused.properties().containsKey("taskId")) {
                where = "taskId"; // the task this form named is done: the form was sent twice
            }
            model.addAttribute("alternatives", refused.properties().get("alternatives"));
            return render(actor, id, form.taskId(), model, Map.of(where, refused.getMessage()));
        }
    }

    /** Skipped, with a reason: the call leaves the queue, the cadence steps on, the next call opens. */
    @PostMapping("/prospects/{id}/call/skip")
    String skip(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) String taskId,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) @org.followthrough.common.PlainText.MultiLine String detail,
            @RequestParam(required = false) String back,
            Model model,
            RedirectAttributes redirect) {
        var prospect = prospects.get(actor, id);
        var why = blank(detail) ? reason : (blank(reason) ? "" : reason + ": ") + detail.strip();
        try {
            var skipped = changes.skip(actor, task(taskId), why);
            if ("today".equals(back)) {
                return backToToday(skipped.label() + " skipped for " + prospect.fullName() + ".", redirect);
            }
            return goOn(actor, prospect.id(), prospect.fullName(), skipped.label() + " skipped", false, redirect);
        } catch (InvalidInput invalid) {
            model.addAttribute("form", CallForm.empty());
            return render(actor, id, taskId, model, Map.of("skip", message(invalid)));
        } catch (Refusal refused) {
            model.addAttribute("form", CallForm.empty());
            return render(actor, id, taskId, model, Map.of(closed(refused) ? "taskId" : "skip", refused.getMessage()));
        }
    }

    /** Snoozed until a chosen time, moved into the prospect's calling hours: the next call opens. */
    @PostMapping("/prospects/{id}/call/snooze")
    String snooze(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) String taskId,
            @RequestParam(required = false) String snooze,
            @RequestParam(required = false) String until,
            @RequestParam(required = false) String back,
            Model model,
            RedirectAttributes redirect) {
        var prospect = prospects.get(actor, id);
        try {
            var when = until(snooze, until, prospect.timeZone());
            var snoozed = changes.snooze(actor, task(taskId), when);
            var at = snoozed.dueAt().atZone(prospect.timeZone());
            var done = snoozed.label() + " snoozed until "
                    + at.format(java.time.format.DateTimeFormatter.ofPattern(
                            "EEE d MMM HH:mm z", java.util.Locale.ENGLISH));
            if ("today".equals(back)) {
                return backToToday(done + " for " + prospect.fullName() + ".", redirect);
            }
            return goOn(actor, prospect.id(), prospect.fullName(), done, false, redirect);
        } catch (InvalidInput invalid) {
            model.addAttribute("form", CallForm.empty());
            model.addAttribute("snoozeUntil", until);
            return render(actor, id, taskId, model, Map.of("snooze", message(invalid)));
        } catch (Refusal refused) {
            model.addAttribute("form", CallForm.empty());
            return render(
                    actor, id, taskId, model, Map.of(closed(refused) ? "taskId" : "snooze", refused.getMessage()));
        }
    }

    /**
     * After a call is logged, skipped or snoozed: the next call that may be made now (someone else's),
     * with what was just done said at its top, so no key acts on a form that is done with. A connected
     * call stays on its page, to show what was planned, with the way on to the next call; so does a
     * call with nothing due after it.
     */
    private String goOn(Actor actor, UUID id, String name, String done, boolean stay, RedirectAttributes redirect) {
        var next = stay ? null : nextDue(actor, id);
        if (next == null) {
            redirect.addAttribute("logged", done);
            return "redirect:/prospects/" + id + "/call";
        }
        redirect.addFlashAttribute("after", done + " for " + name + ".");
        redirect.addFlashAttribute("afterId", id);
        return "redirect:/prospects/" + next.prospectId() + "/call?task=" + next.taskId();
    }

    /** Skipped or snoozed from a row of Today: back to Today, saying what was done. */
    private static String backToToday(String done, RedirectAttributes redirect) {
        redirect.addFlashAttribute("after", done);
        return "redirect:/today";
    }

    private Queue.Item nextDue(Actor actor, UUID id) {
        return queue.of(actor.id(), 20).stream()
                .filter(item -> item.due() && !item.prospectId().equals(id))
                .findFirst()
                .orElse(null);
    }

    private static UUID task(String taskId) {
        if (blank(taskId)) {
            throw InvalidInput.of("taskId", "no call of this prospect is open; there is nothing to skip or snooze");
        }
        try {
            return UUID.fromString(taskId.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("taskId", "is not a task of this page; reload the page");
        }
    }

    /** The time a snooze ends: a choice counted from now in the prospect's zone, or a local time typed. */
    private OffsetDateTime until(String choice, String typed, ZoneId theirs) {
        var now = clock.instant().atZone(theirs);
        if (!blank(typed)) {
            try {
                return java.time.LocalDateTime.parse(typed.strip())
                        .atZone(theirs)
                        .toOffsetDateTime();
            } catch (java.time.format.DateTimeParseException e) {
                throw InvalidInput.of("until", "must be a date and time such as 2026-08-19T10:00");
            }
        }
        return switch (choice == null ? "1h" : choice) {
            case "3h" -> now.plusHours(3).toOffsetDateTime();
            case "tomorrow" ->
                now.toLocalDate().plusDays(1).atTime(9, 0).atZone(theirs).toOffsetDateTime();
            case "week" ->
                now.toLocalDate()
                        .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY))
                        .atTime(9, 0)
                        .atZone(theirs)
                        .toOffsetDateTime();
            default -> now.plusHours(1).toOffsetDateTime();
        };
    }

    private static boolean closed(Refusal refused) {
        return refused.status() == org.springframework.http.HttpStatus.CONFLICT
                && refused.properties().containsKey("taskId")
                && refused.getMessage().contains("already");
    }

    private static String message(InvalidInput invalid) {
        return String.join(
                "; ",
                invalid.problems().stream()
                        .map(InvalidInput.FieldProblem::message)
                        .toList());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private String render(Actor actor, UUID id, String wanted, Model model, Map<String, String> errors) {
        var prospect = prospects.get(actor, id);
        var now = clock.instant();
        if (!calendar.isLegal(now, prospect.place())) {
            model.addAttribute(
                    "closedNow",
                    LegalHours.opens(calendar.earliestLegal(now, prospect.place()), prospect.timeZone(), now));
        }
        model.addAttribute("skipReasons", SKIP_REASONS);
        model.addAttribute("snoozes", SNOOZES);
        model.addAttribute("prospect", prospect);
        model.addAttribute("dial", dial.of(prospect.phoneE164()));
        model.addAttribute("taskId", task(queue.openFor(prospect.id()), wanted));
        model.addAttribute("script", scripts.forNextCall(actor, id));
        model.addAttribute("timeline", timeline.of(actor, id));
        model.addAttribute("slots", appointments.slots(actor, id, 5));
        model.addAttribute("buttons", BUTTONS);
        model.addAttribute("errors", errors);
        return "desk/call";
    }

    /** The task the rep opened the page for (from Today), else the one the engine would complete. */
    private static UUID task(List<Task> open, String wanted) {
        return open.stream()
                .filter(t -> t.id().toString().equals(wanted))
                .findFirst()
                .or(() -> open.stream().findFirst())
                .map(Task::id)
                .orElse(null);
    }

    /** The first call in the rep's queue for someone else, to go on with after logging. */
    private Queue.Item nextCall(Actor actor, UUID id) {
        return queue.of(actor.id(), 3).stream()
                .filter(item -> !item.prospectId().equals(id))
                .findFirst()
                .orElse(null);
    }

    private static String field(String apiField) {
        return apiField.startsWith("nextStep.appointmentAt")
                ? "appointmentAt"
                : apiField.startsWith("nextStep.agenda")
                        ? "agenda"
                        : apiField.startsWith("nextStep")
                                ? "stage"
                                : apiField.startsWith("objection")
                                        ? "objectionText"
                                        : apiField.equals("at") || apiField.equals("dialedAt") ? "outcome" : apiField;
    }
}
