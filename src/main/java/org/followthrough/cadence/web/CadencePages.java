package org.followthrough.cadence.web;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.followthrough.cadence.Cadence;
import org.followthrough.cadence.Cadences;
import org.followthrough.cadence.CallOutcome;
import org.followthrough.cadence.Channel;
import org.followthrough.cadence.Delay;
import org.followthrough.cadence.Placing;
import org.followthrough.common.InvalidInput;
import org.followthrough.team.Actor;
import org.followthrough.team.Team;
import org.followthrough.web.FormErrors;
import org.followthrough.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The cadences as a manager sees them: the list, one cadence's steps to edit (checked exactly as
 * {@code PUT /api/v1/cadences/{key}} checks them), and its preview drawn on a day axis.
 */
@Controller
@Page
class CadencePages {

    record Summary(String key, String name, int steps, long calls, String endStage) {}

    record Choices(
            List<Channel> channels,
            List<Delay.Unit> units,
            List<Delay.Anchor> anchors,
            List<Placing> placings,
            List<CallOutcome> outcomes) {}

    static final Choices CHOICES = new Choices(
            Arrays.asList(Channel.values()),
            Arrays.asList(Delay.Unit.values()),
            Arrays.asList(Delay.Anchor.values()),
            Arrays.asList(Placing.values()),
            Arrays.asList(CallOutcome.values()));

    private final Cadences cadences;
    private final CadencePreviews previews;
    private final Team team;
    private final Clock clock;

    CadencePages(Cadences cadences, CadencePreviews previews, Team team, Clock clock) {
        this.cadences = cadences;
        this.previews = previews;
        this.team = team;
        this.clock = clock;
    }

    record NewCadence(String key, String name) {}

    @GetMapping("/cadences")
    String list(Actor actor, Model model) {
        return list(actor, new NewCadence("", ""), FormErrors.none(), model);
    }

    /** Starts a cadence with one call as soon as calling is legal; the manager adds the rest in the editor. */
    @PostMapping("/cadences")
    String create(NewCadence form, Actor actor, Model model) {
        var key = form.key() == null ? "" : form.key().strip();
        if (cadences.find(key).isPresent()) {
            return list(actor, form, Map.of("key", "is taken by another cadence; choose another"), model);
        }
        var first = new Cadences.StepDefinition(
                Channel.CALL, new Delay(0, Delay.Unit.MINUTES, Delay.Anchor.START), Placing.LEGAL, null);
        try {
            cadences.put(actor, key, new Cadences.Definition(form.name(), List.of(first), null));
        } catch (InvalidInput invalid) {
            return list(actor, form, FormErrors.of(invalid), model);
        }
        return "redirect:/cadences/" + key + "?created";
    }

    private String list(Actor actor, NewCadence form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("editable", actor.seesWholeTeam());
        model.addAttribute(
                "cadences",
                cadences.all().stream()
                        .map(c -> new Summary(
                                c.key(),
                                c.name(),
                                c.steps().size(),
                                c.steps().stream()
                                        .filter(s -> s.channel() == Channel.CALL)
                                        .count(),
                                c.endStage()))
                        .toList());
        return "cadences/list";
    }

    @GetMapping("/cadences/{key}")
    String one(@PathVariable String key, Actor actor, Model model) {
        var cadence = cadences.get(key);
        return editor(cadence, CadenceForm.of(cadence), FormErrors.none(), actor, model);
    }

    /** Saves the steps, or only adds or removes a row when one of those buttons was pressed. */
    @PostMapping("/cadences/{key}")
    String save(
            @PathVariable String key,
            CadenceForm form,
            @RequestParam(required = false) String add,
            @RequestParam(required = false) Integer remove,
            Actor actor,
            Model model) {
        var cadence = cadences.get(key);
        if (add != null) {
            return editor(cadence, form.withStepAdded(), FormErrors.none(), actor, model);
        }
        if (remove != null) {
            return editor(cadence, form.withStepRemoved(remove), FormErrors.none(), actor, model);
        }
        try {
            cadences.put(actor, key, form.definition());
        } catch (InvalidInput invalid) {
            return editor(cadence, form, FormErrors.of(invalid), actor, model);
        }
        return "redirect:/cadences/" + key + "?saved";
    }

    /** The preview as a fragment the page swaps in; problems with the start, zone or country shown there. */
    @PostMapping("/cadences/{key}/preview")
    String preview(@PathVariable String key, PreviewForm form, Model model) {
        try {
            model.addAttribute("timeline", Timeline.of(previews.preview(form.request(key))));
            model.addAttribute("errors", FormErrors.none());
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", FormErrors.of(invalid));
        }
        return "cadences/preview :: timeline";
    }

    private String editor(Cadence cadence, CadenceForm form, Map<String, String> errors, Actor actor, Model model) {
        var zone = actor.timeZone();
        var tomorrow = ZonedDateTime.now(clock.withZone(zone)).toLocalDate().plusDays(1);
        model.addAttribute("cadence", cadence);
        model.addAttribute("form", form);
        model.addAttribute("rows", form.rows(errors));
        model.addAttribute("errors", errors);
        model.addAttribute("choices", CHOICES);
        model.addAttribute("editable", actor.seesWholeTeam());
        model.addAttribute(
                "calls",
                cadence.steps().stream()
                        .filter(s -> s.channel() == Channel.CALL)
                        .count());
        model.addAttribute("previewStart", tomorrow.atTime(LocalTime.of(9, 0)).toString());
        model.addAttribute("previewZone", zone.getId());
        model.addAttribute("previewCountry", team.organisation().country());
        return "cadences/edit";
    }
}
