package org.followthrough.cadence.web;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.followthrough.cadence.Cadence;
import org.followthrough.cadence.Cadences;
import org.followthrough.cadence.CallOutcome;
import org.followthrough.cadence.Channel;
import org.followthrough.cadence.Delay;
import org.followthrough.cadence.Placing;
import org.followthrough.common.InvalidInput;
import org.followthrough.scripts.TemplateKey;
import org.followthrough.scripts.Templates;
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

    /** A template a step may name, offered in the step's list; {@code known} is false for a name the team lacks. */
    record TemplateChoice(String name, String channel, String label, boolean known) {}

    private final Cadences cadences;
    private final CadencePreviews previews;
    private final Templates templates;
    private final Team team;
    private final Clock clock;

    CadencePages(Cadences cadences, CadencePreviews previews, Templates templates, Team team, Clock clock) {
        this.cadences = cadences;
        this.previews = previews;
        this.templates = templates;
        this.team = team;
        this.clock = clock;
    }

    record CopyForm(String key, String name) {}

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

    /** A copy of this cadence under a new key; its editor opens so the manager changes the copy. */
    @PostMapping("/cadences/{key}/clone")
    String copy(@PathVariable String key, CopyForm form, Actor actor, Model model) {
        var cadence = cadences.get(key);
        try {
            var copy = cadences.copy(actor, key, form.key(), form.name());
            return "redirect:/cadences/" + copy.key() + "?cloned";
        } catch (InvalidInput invalid) {
            model.addAttribute("copy", form);
            model.addAttribute("copyErrors", FormErrors.of(invalid));
            return editor(cadence, CadenceForm.of(cadence), FormErrors.none(), actor, model);
        }
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
        model.addAttribute("templates", templateChoices(form));
        if (!model.containsAttribute("copy")) {
            model.addAttribute("copy", new CopyForm(cadence.key() + "-copy", "Copy of " + cadence.name()));
            model.addAttribute("copyErrors", FormErrors.none());
        }
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

    /** The team's email and voicemail templates, and any name the form holds that the team lacks. */
    private List<TemplateChoice> templateChoices(CadenceForm form) {
        var choices = new ArrayList<TemplateChoice>();
        var names = new HashSet<String>();
        for (var t : templates.all()) {
            if (t.channel() == org.followthrough.scripts.Channel.SCRIPT) {
                continue;
            }
            var name = t.templateKey().name();
            names.add(name);
            var about = t.subject() == null || t.subject().isBlank() ? "" : " — " + abbreviate(t.subject());
            choices.add(new TemplateChoice(name, t.channel().name(), name + about, true));
        }
        for (var row : form.rows(FormErrors.none())) {
            var name = row.template();
            if (!name.isBlank() && names.add(name)) {
                choices.add(0, roundAgain(name));
            }
        }
        return choices;
    }

    /** A step's later use of a template the team has fewer variants of (R6), or a name the team lacks. */
    private TemplateChoice roundAgain(String name) {
        try {
            var key = TemplateKey.parse(name);
            if (templates.variants(key.key()) > 0) {
                var used = templates.variantFor(key.key(), key.variant());
                var channel = templates.find(used).map(t -> t.channel().name()).orElse("UNKNOWN");
                return new TemplateChoice(name, channel, name + " (uses " + used.name() + " again)", true);
            }
        } catch (IllegalArgumentException | org.followthrough.common.Refusal notATemplate) {
            // falls through: not a template the team has
        }
        return new TemplateChoice(name, "UNKNOWN", name + " (no such template)", false);
    }

    private static String abbreviate(String text) {
        return text.length() <= 50 ? text : text.substring(0, 49) + "…";
    }
}
