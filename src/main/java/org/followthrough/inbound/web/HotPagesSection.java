package org.followthrough.inbound.web;

import java.util.Map;
import org.followthrough.common.InvalidInput;
import org.followthrough.inbound.HotPages;
import org.followthrough.team.Actor;
import org.followthrough.web.FormErrors;
import org.followthrough.web.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The settings page's hot pages (R20): the URL patterns whose visit puts a trigger call in the queue. */
@Controller
@Page
@PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
class HotPagesSection {

    private final HotPages hotPages;

    HotPagesSection(HotPages hotPages) {
        this.hotPages = hotPages;
    }

    @GetMapping("/settings/hot-pages")
    String section(Model model) {
        var current = hotPages.current();
        return render(String.join("\n", current.patterns()), current.defaults(), false, FormErrors.none(), model);
    }

    @PostMapping("/settings/hot-pages")
    String change(
            Actor actor,
            @RequestParam(defaultValue = "") String patterns,
            @RequestParam(defaultValue = "false") boolean reset,
            Model model) {
        try {
            var changed = reset ? hotPages.reset(actor) : hotPages.change(actor, patterns);
            return render(String.join("\n", changed.patterns()), changed.defaults(), true, FormErrors.none(), model);
        } catch (InvalidInput invalid) {
            return render(patterns, hotPages.current().defaults(), false, FormErrors.of(invalid), model);
        }
    }

    private String render(String patterns, boolean defaults, boolean saved, Map<String, String> errors, Model model) {
        model.addAttribute("patterns", patterns);
        model.addAttribute("defaults", defaults);
        model.addAttribute("saved", saved);
        model.addAttribute("errors", errors);
        return "settings/hot-pages :: section";
    }
}
