package org.followthrough.scripts.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Nullable;
import org.followthrough.common.Refusal;
import org.followthrough.scripts.Channel;
import org.followthrough.scripts.Finding;
import org.followthrough.scripts.Speaker;
import org.followthrough.scripts.StoredTemplate;
import org.followthrough.scripts.TemplateKey;
import org.followthrough.scripts.Templates;
import org.followthrough.team.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The team's templates: everyone reads them; managers and admins change them, checked on every save. */
@RestController
@RequestMapping("/api/v1/templates")
class TemplateController {

    record TemplateRequest(
            Channel channel, String subject, @org.followthrough.common.PlainText.MultiLine String body) {}

    record SavedView(
            String key,
            int variant,
            String name,
            Channel channel,
            @Nullable String subject,
            String body,
            String updatedAt,
            @Nullable String updatedBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Finding> findings) {
        static SavedView of(StoredTemplate t, List<Finding> findings) {
            return new SavedView(
                    t.key(),
                    t.variant(),
                    t.templateKey().name(),
                    t.channel(),
                    t.subject(),
                    t.body(),
                    t.updatedAt().toString(),
                    t.updatedBy(),
                    findings);
        }
    }

    /** What a check without saving found; blocking problems would make a save fail. */
    record CheckView(
            List<InvalidInput.FieldProblem> blocking,
            List<String> unknownPlaceholders,
            List<String> missingPlaceholders,
            List<Finding> findings) {}

    private final Templates templates;

    TemplateController(Templates templates) {
        this.templates = templates;
    }

    @GetMapping
    List<SavedView> list() {
        return templates.all().stream().map(t -> SavedView.of(t, null)).toList();
    }

    @GetMapping("/{key}/{variant}")
    SavedView one(@PathVariable String key, @PathVariable int variant) {
        var id = key(key, variant);
        return templates.find(id).map(t -> SavedView.of(t, null)).orElseThrow(() -> Refusal.notFound("template", id));
    }

    @PutMapping("/{key}/{variant}")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    SavedView save(
            @PathVariable String key, @PathVariable int variant, @RequestBody TemplateRequest request, Actor actor) {
        var saved = templates.save(
                key(key, variant),
                new Templates.Edit(request.channel(), request.subject(), request.body()),
                actor.email());
        return SavedView.of(saved.template(), saved.findings());
    }

    /** Checks an edit without saving it, so an editor sees the findings while typing. */
    @PostMapping("/{key}/{variant}/check")
    CheckView check(@PathVariable String key, @PathVariable int variant, @RequestBody TemplateRequest request) {
        var id = key(key, variant);
        var channel = request.channel() != null
                ? request.channel()
                : templates.find(id).map(StoredTemplate::channel).orElse(null);
        if (channel == null) {
            throw InvalidInput.of("channel", "is required for a new template: one of EMAIL, VOICEMAIL, SCRIPT");
        }
        if (request.body() == null || request.body().isBlank()) {
            throw InvalidInput.of("body", "is required: the text of the message");
        }
        var v = templates.validate(id, channel, request.subject(), request.body(), Speaker.UNKNOWN);
        return new CheckView(v.blocking(), v.unknownPlaceholders(), v.missingPlaceholders(), v.findings());
    }

    private static TemplateKey key(String key, int variant) {
        try {
            return new TemplateKey(key, variant);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(variant < 1 || variant > 999 ? "variant" : "key", e.getMessage());
        }
    }
}
