package org.followthrough.desk.web;

import java.util.Map;
import org.followthrough.common.InvalidInput;
import org.followthrough.team.Actor;
import org.followthrough.team.Role;
import org.followthrough.web.FormErrors;
import org.followthrough.web.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The settings page's dialling: how a prospect's number opens the phone (administrators choose). */
@Controller
@Page
@PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
class DialingSection {

    /** An example number to show what a link becomes: a fictional New York number. */
    static final String EXAMPLE = "+12125550147";

    private final DialLinks links;

    DialingSection(DialLinks links) {
        this.links = links;
    }

    @GetMapping("/settings/dialing")
    String section(Actor actor, Model model) {
        return render(actor, links.current().link(), false, FormErrors.none(), model);
    }

    @PostMapping("/settings/dialing")
    @PreAuthorize("hasRole('ADMIN')")
    String change(
            Actor actor,
            @RequestParam(defaultValue = "") String link,
            @RequestParam(defaultValue = "") String choice,
            Model model) {
        var wanted =
                switch (choice) {
                    case "tel", "sip", "callto" -> choice + ":{e164}";
                    case "default" -> "";
                    default -> link;
                };
        try {
            var changed = links.change(actor, wanted);
            return render(actor, changed.link(), true, FormErrors.none(), model);
        } catch (InvalidInput invalid) {
            return render(actor, link, false, FormErrors.of(invalid), model);
        }
    }

    private String render(Actor actor, String link, boolean saved, Map<String, String> errors, Model model) {
        model.addAttribute("dialLink", link);
        model.addAttribute("dialDefault", links.current().isDefault());
        model.addAttribute("dialExample", errors.isEmpty() ? links.of(EXAMPLE) : null);
        model.addAttribute("dialSaved", saved);
        model.addAttribute("mayChange", actor.role() == Role.ADMIN);
        model.addAttribute("errors", errors);
        return "settings/dialing :: section";
    }
}
