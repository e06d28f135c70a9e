package org.followthrough.web;

import java.util.Map;
import org.followthrough.common.InvalidInput;
import org.followthrough.team.Actor;
import org.followthrough.team.Team;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Settings, for managers and admins: the organisation is edited here; the calling rules, email and
 * webhooks are sections each owning module serves ({@code /settings/...}), loaded into this page.
 */
@Controller
@Page
@PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
class SettingsPage {

    record OrganisationForm(String name, String country, String timeZone) {}

    private final Team team;

    SettingsPage(Team team) {
        this.team = team;
    }

    @GetMapping("/settings")
    String settings(Model model) {
        var organisation = team.organisation();
        var form = new OrganisationForm(
                organisation.name(),
                organisation.country(),
                organisation.timeZone().getId());
        return page(form, FormErrors.none(), model);
    }

    @PostMapping("/settings/organisation")
    String organisation(OrganisationForm form, Actor actor, Model model) {
        try {
            team.changeOrganisation(actor, form.name(), form.country(), form.timeZone());
        } catch (InvalidInput invalid) {
            return page(form, FormErrors.of(invalid), model);
        }
        return "redirect:/settings?saved";
    }

    private String page(OrganisationForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "team/settings";
    }
}
