package org.followthrough.calls.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.followthrough.cadence.CallOutcome;
import org.followthrough.calls.CallLog;
import org.followthrough.calls.CallScripts;
import org.followthrough.calls.LogCall;
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
 * planned, and the outcome logged in one step (buttons and keyboard shortcuts). A connected call
 * takes its next step here too (R9): a proposed slot or a time of its own with the agenda, or an end
 * stage with the LOST confirmation of R13. Refusals come back next to the field they concern.
 */
@Controller
@Page
class CallPage {

    /** The outcome form as posted; lists are one item per line. */
    record CallForm(
            CallOutcome outcome,
            String notes,
            String pains,
            String gains,
            String promises,
            String slot,
            LocalDateTime appointmentAt,
            String agenda,
            String stage,
            String reason,
            Boolean prospectSaidNo,
            Boolean confirm,
            String objectionCategory,
            String objectionText) {

        static CallForm empty() {
            return new CallForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    static final List<CallOutcome> BUTTONS = Arrays.asList(CallOutcome.values());

    private final CallLog calls;
    private final CallScripts scripts;
    private final Timeline timeline;

    CallPage(CallLog calls, CallScripts scripts, Timeline timeline) {
        this.calls = calls;
        this.scripts = scripts;
        this.timeline = timeline;
    }

    @GetMapping("/prospects/{id}/call")
    String show(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String logged, Model model) {
        model.addAttribute("form", CallForm.empty());
        model.addAttribute("logged", logged);
        return render(actor, id, model, Map.of());
    }

    @PostMapping("/prospects/{id}/call")
    String log(
            Actor actor,
            @PathVariable UUID id,
            @ModelAttribute("form") CallForm form,
            Model model,
            RedirectAttributes redirect) {
        try {
            var logged = calls.log(actor, id, toCall(actor, id, form));
            redirect.addAttribute("logged", logged.label());
            return "redirect:/prospects/" + id + "/call";
        } catch (InvalidInput invalid) {
            var errors = new LinkedHashMap<String, String>();
            invalid.problems().forEach(p -> errors.merge(field(p.field()), p.message(), (a, b) -> a + " " + b));
            return render(actor, id, model, errors);
        } catch (Refusal refused) {
            var where = refused.properties().containsKey("alternatives") ? "appointmentAt" : "outcome";
            if (refused.properties().containsKey("followUps")) {
                where = "confirm";
            }
            model.addAttribute("alternatives", refused.properties().get("alternatives"));
            return render(actor, id, model, Map.of(where, refused.getMessage()));
        }
    }

    private String render(Actor actor, UUID id, Model model, Map<String, String> errors) {
        var prospect = calls.prospect(actor, id);
        model.addAttribute("prospect", prospect);
        model.addAttribute("script", scripts.forNextCall(actor, id));
        model.addAttribute("timeline", timeline.of(actor, id));
        model.addAttribute("slots", calls.slots(actor, id, 5));
        model.addAttribute("buttons", BUTTONS);
        model.addAttribute("errors", errors);
        return "calls/call";
    }

    private LogCall toCall(Actor actor, UUID id, CallForm form) {
        if (form.outcome() == null) {
            throw InvalidInput.of("outcome", "choose what happened on the call");
        }
        LogCall.NextStep next = null;
        if (form.outcome() == CallOutcome.CONNECTED) {
            next = nextStep(actor, id, form);
        }
        var objection = blank(form.objectionText())
                ? null
                : new LogCall.Objection(form.objectionCategory(), form.objectionText());
        return new LogCall(
                form.outcome(),
                null,
                null,
                form.notes(),
                lines(form.pains()),
                lines(form.gains()),
                lines(form.promises()),
                objection,
                next,
                form.confirm(),
                null);
    }

    private LogCall.NextStep nextStep(Actor actor, UUID id, CallForm form) {
        if (!blank(form.stage())) {
            return new LogCall.NextStep(
                    null, null, null, form.stage(), form.reason(), Boolean.TRUE.equals(form.prospectSaidNo()));
        }
        OffsetDateTime at = null;
        if (!blank(form.slot())) {
            at = OffsetDateTime.parse(form.slot());
        } else if (form.appointmentAt() != null) {
            var zone = calls.prospect(actor, id).timeZone();
            at = form.appointmentAt().atZone(zone).toOffsetDateTime();
        }
        if (at == null) {
            throw InvalidInput.of(
                    "appointmentAt",
                    "a connected call needs a next step: pick a slot, give a time or choose an end stage");
        }
        return new LogCall.NextStep(at, form.agenda(), null, null, null, null);
    }

    private static String field(String apiField) {
        return apiField.startsWith("nextStep.appointmentAt")
                ? "appointmentAt"
                : apiField.startsWith("nextStep.agenda")
                        ? "agenda"
                        : apiField.startsWith("nextStep")
                                ? "stage"
                                : apiField.startsWith("objection") ? "objectionText" : apiField;
    }

    private static List<String> lines(String text) {
        return blank(text)
                ? List.of()
                : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
