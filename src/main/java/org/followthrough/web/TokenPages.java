package org.followthrough.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import org.followthrough.common.InvalidInput;
import org.followthrough.team.Actor;
import org.followthrough.team.ApiTokens;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Every member's own API tokens: create one (its secret shown on this answer only), see them, revoke. */
@Controller
@Page
class TokenPages {

    record TokenForm(String name, String expiresOn) {}

    private final ApiTokens tokens;

    TokenPages(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/tokens")
    String list(Actor actor, Model model) {
        return page(actor, new TokenForm("", ""), FormErrors.none(), null, model);
    }

    /** Renders the page rather than redirecting, so the secret exists only in this one response. */
    @PostMapping("/tokens")
    String create(TokenForm form, Actor actor, Model model) {
        try {
            var expires = form.expiresOn() == null || form.expiresOn().isBlank()
                    ? null
                    : LocalDate.parse(form.expiresOn())
                            .atStartOfDay(actor.timeZone())
                            .toInstant();
            var created = tokens.create(actor, form.name(), expires);
            return page(actor, new TokenForm("", ""), FormErrors.none(), created, model);
        } catch (DateTimeParseException e) {
            return page(actor, form, Map.of("expiresAt", "must be a date such as 2027-01-31"), null, model);
        } catch (InvalidInput invalid) {
            return page(actor, form, FormErrors.of(invalid), null, model);
        }
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable UUID id, Actor actor) {
        tokens.revoke(actor, id);
        return "redirect:/tokens?revoked";
    }

    private String page(
            Actor actor, TokenForm form, Map<String, String> errors, ApiTokens.CreatedToken created, Model model) {
        model.addAttribute("tokens", tokens.of(actor));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("created", created);
        return "team/tokens";
    }
}
