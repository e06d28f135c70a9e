package org.followthrough.scripts.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.scripts.Channel;
import org.followthrough.scripts.ScriptCheck;
import org.followthrough.scripts.Speaker;
import org.followthrough.scripts.StoredTemplate;
import org.followthrough.scripts.TemplateKey;
import org.followthrough.scripts.TemplateValidation;
import org.followthrough.scripts.Templates;
import org.followthrough.team.Actor;
import org.followthrough.web.FormErrors;
import org.followthrough.web.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Templates and voicemails: everyone reads them; managers and admins edit them. The script check
 * (R16) and the template's own validation run while the editor types, and again on save, which is
 * refused while the template cannot be filled in.
 */
@Controller
@Page
class TemplatePages {

    record TemplateForm(String subject, @org.followthrough.common.PlainText.MultiLine String body) {}

    /** What the check found, for the findings panel; spoken seconds only for voicemails. */
    record Check(TemplateValidation validation, Integer spokenSeconds, boolean empty) {}

    private final Templates templates;
    private final ScriptCheck scriptCheck;

    TemplatePages(Templates templates, ScriptCheck scriptCheck) {
        this.templates = templates;
        this.scriptCheck = scriptCheck;
    }

    @GetMapping("/templates")
    String list(Model model) {
        model.addAttribute(
                "templates",
                templates.all().stream()
                        .sorted(Comparator.comparing(StoredTemplate::key).thenComparing(StoredTemplate::variant))
                        .toList());
        return "templates/list";
    }

    @GetMapping("/templates/{key}/{variant}")
    String edit(@PathVariable String key, @PathVariable int variant, Actor actor, Model model) {
        var template = stored(key, variant);
        var form = new TemplateForm(template.subject(), template.body());
        return editor(template, form, FormErrors.none(), actor, model);
    }

    @PostMapping("/templates/{key}/{variant}")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    String save(@PathVariable String key, @PathVariable int variant, TemplateForm form, Actor actor, Model model) {
        var template = stored(key, variant);
        try {
            templates.save(
                    template.templateKey(), new Templates.Edit(null, form.subject(), form.body()), actor.email());
        } catch (InvalidInput invalid) {
            return editor(template, form, FormErrors.of(invalid), actor, model);
        }
        return "redirect:/templates/" + key + "/" + variant + "?saved";
    }

    /**
     * Adds the next variant of a template, starting from this one's text, so one more attempt gets a
     * message of its own (R6); the editor opens on it.
     */
    @PostMapping("/templates/{key}/{variant}/next")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    String nextVariant(@PathVariable String key, @PathVariable int variant, Actor actor) {
        var template = stored(key, variant);
        int next = templates.all().stream()
                        .filter(t -> t.key().equals(key))
                        .mapToInt(StoredTemplate::variant)
                        .max()
                        .orElse(variant)
                + 1;
        templates.save(
                new TemplateKey(key, next),
                new Templates.Edit(template.channel(), template.subject(), template.body()),
                actor.email());
        return "redirect:/templates/" + key + "/" + next + "?added";
    }

    /** The findings for the text as typed so far; nothing is saved. */
    @PostMapping("/templates/{key}/{variant}/check")
    String check(@PathVariable String key, @PathVariable int variant, TemplateForm form, Model model) {
        var template = stored(key, variant);
        model.addAttribute("check", check(template, form));
        return "templates/findings :: findings";
    }

    private String editor(
            StoredTemplate template, TemplateForm form, Map<String, String> errors, Actor actor, Model model) {
        model.addAttribute("template", template);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("check", check(template, form));
        model.addAttribute("editable", actor.seesWholeTeam());
        return "templates/edit";
    }

    private Check check(StoredTemplate template, TemplateForm form) {
        var body = form.body() == null ? "" : form.body();
        if (body.isBlank()) {
            return new Check(new TemplateValidation(List.of(), List.of(), List.of(), List.of()), null, true);
        }
        var subject = template.channel() == Channel.EMAIL ? form.subject() : null;
        var validation = templates.validate(template.templateKey(), template.channel(), subject, body, Speaker.UNKNOWN);
        var seconds = template.channel() == Channel.VOICEMAIL ? scriptCheck.spokenSeconds(body) : null;
        return new Check(validation, seconds, false);
    }

    private StoredTemplate stored(String key, int variant) {
        TemplateKey id;
        try {
            id = new TemplateKey(key, variant);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("template", key + "-" + variant);
        }
        return templates.find(id).orElseThrow(() -> Refusal.notFound("template", id.name()));
    }
}
