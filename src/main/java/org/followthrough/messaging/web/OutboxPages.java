package org.followthrough.messaging.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.followthrough.common.Refusal;
import org.followthrough.messaging.DefaultWordings;
import org.followthrough.messaging.EmailStatus;
import org.followthrough.messaging.Outbox;
import org.followthrough.web.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What waits in the outbox (the next to go on top), what went out, what failed and why, with the
 * prospect and their rep; managers and admins, as the outbox API.
 */
@Controller
@Page
@PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
class OutboxPages {

    static final int PAGE_SIZE = 50;

    record Filter(String value, String label, boolean current) {}

    private final Outbox outbox;
    private final DefaultWordings defaultWordings;

    OutboxPages(Outbox outbox, DefaultWordings defaultWordings) {
        this.outbox = outbox;
        this.defaultWordings = defaultWordings;
    }

    /** Sends a FAILED email again; a refusal (it would now arrive too late) is shown above the list. */
    @PostMapping("/outbox/{id}/retry")
    String retry(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            outbox.retry(id);
            redirect.addAttribute("retried", "");
        } catch (Refusal refused) {
            redirect.addFlashAttribute("refused", refused.getMessage());
        }
        return "redirect:/outbox?status=FAILED";
    }

    @GetMapping("/outbox")
    String list(
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
        var chosen = Arrays.stream(EmailStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(status))
                .findFirst()
                .orElse(null);
        int current = Math.max(0, page);
        var emails = outbox.nextFirst(chosen, current, PAGE_SIZE + 1);
        var shown = emails.subList(0, Math.min(PAGE_SIZE, emails.size()));
        model.addAttribute("emails", shown);
        model.addAttribute(
                "holds",
                outbox.holdReasons(shown.stream().map(l -> l.email().id()).toList()));
        model.addAttribute("hasNext", emails.size() > PAGE_SIZE);
        model.addAttribute("page", current);
        model.addAttribute("status", chosen == null ? "" : chosen.name());
        model.addAttribute("filters", filters(chosen));
        model.addAttribute("fallbacks", defaultWordings.latest(10));
        return "messaging/outbox";
    }

    private static List<Filter> filters(EmailStatus chosen) {
        var all = new ArrayList<Filter>();
        all.add(new Filter("", "All", chosen == null));
        for (var s : EmailStatus.values()) {
            var label = s.name().charAt(0) + s.name().substring(1).toLowerCase(Locale.ROOT);
            all.add(new Filter(s.name(), label, s == chosen));
        }
        return all;
    }
}
