package org.followthrough.desk.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.followthrough.cadence.CallOutcome;
import org.followthrough.calls.CallLog;
import org.followthrough.calls.CallScripts;
import org.followthrough.calls.Queue;
import org.followthrough.calls.Task;
import org.followthrough.calls.Timeline;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
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

    CallPage(CallLog calls, CallScripts scripts, Timeline timeline, Queue queue, DialLinks dial) {
        this.calls = calls;
        this.scripts = scripts;
        this.timeline = timeline;
        this.queue = queue;
        this.dial = dial;
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
            var logged =
                    calls.log(actor, id, form.toCall(calls.prospect(actor, id).timeZone()));
            redirect.addAttribute("logged", logged.label());
            return "redirect:/prospects/" + id + "/call";
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

    private String render(Actor actor, UUID id, String wanted, Model model, Map<String, String> errors) {
        var prospect = calls.prospect(actor, id);
        model.addAttribute("prospect", prospect);
        model.addAttribute("dial", dial.of(prospect.phoneE164()));
        model.addAttribute("taskId", task(calls.openTasks(actor, id), wanted));
        model.addAttribute("script", scripts.forNextCall(actor, id));
        model.addAttribute("timeline", timeline.of(actor, id));
        model.addAttribute("slots", calls.slots(actor, id, 5));
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
