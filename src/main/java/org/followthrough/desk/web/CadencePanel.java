package org.followthrough.desk.web;

import java.util.UUID;
import org.followthrough.calls.CadenceControl;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.team.Actor;
import org.followthrough.web.FormErrors;
import org.followthrough.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The prospect page's cadence panel: put the prospect in a cadence or move them to another, take
 * them out, pause the running cadence with a reason and perhaps a day to
 * resume, or resume it. A refused form comes back to the page with each problem next to its field
 * and what was typed kept.
 */
@Controller
@Page
class CadencePanel {

    /** The pause form as typed; {@code until} is a date in the prospect's zone, or blank. */
    record PauseForm(String reason, String until) {}

    private final CadenceControl control;

    CadencePanel(CadenceControl control) {
        this.control = control;
    }

    /** Puts the prospect in the chosen cadence, moving them out of the one they are in. */
    @PostMapping("/prospects/{id}/enrolment")
    String enrol(Actor actor, @PathVariable UUID id, String cadence, RedirectAttributes redirect) {
        try {
            control.enrol(actor, id, new CadenceControl.EnrolRequest(cadence, true));
            redirect.addAttribute("cadence", "enrolled");
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute(
                    "enrolError", String.join("; ", FormErrors.of(invalid).values()));
        } catch (Refusal refused) {
            if (refused.status().value() != 422) {
                throw refused;
            }
            redirect.addFlashAttribute("enrolError", refused.getMessage());
        }
        return "redirect:/prospects/" + id + "#cadence";
    }

    /** Takes the prospect out of their cadence (the one named, when they are in several). */
    @PostMapping("/prospects/{id}/enrolment/end")
    String unenrol(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(name = "cadence", required = false) String cadence,
            RedirectAttributes redirect) {
        control.unenrol(actor, id, cadence);
        redirect.addAttribute("cadence", "ended");
        return "redirect:/prospects/" + id + "#cadence";
    }

    @PostMapping("/prospects/{id}/enrolment/pause")
    String pause(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(name = "cadence", required = false) String cadence,
            PauseForm form,
            RedirectAttributes redirect) {
        try {
            control.pause(actor, id, cadence, new CadenceControl.PauseRequest(form.reason(), form.until()));
            redirect.addAttribute("cadence", "paused");
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("pauseForm", form);
            redirect.addFlashAttribute("pauseErrors", FormErrors.of(invalid));
        }
        return "redirect:/prospects/" + id + "#cadence";
    }

    @PostMapping("/prospects/{id}/enrolment/resume")
    String resume(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(name = "cadence", required = false) String cadence,
            RedirectAttributes redirect) {
        control.resume(actor, id, cadence);
        redirect.addAttribute("cadence", "resumed");
        return "redirect:/prospects/" + id + "#cadence";
    }
}
