package org.followthrough.webhooks.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.followthrough.common.InvalidInput;
import org.followthrough.team.Actor;
import org.followthrough.web.FormErrors;
import org.followthrough.web.Page;
import org.followthrough.webhooks.Subscriber;
import org.followthrough.webhooks.Webhooks;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The settings page's webhook subscribers, for administrators: who receives FollowThrough's events,
 * adding and removing one, and the latest deliveries with their answers, each replayable.
 */
@Controller
@Page
@PreAuthorize("hasRole('ADMIN')")
class SubscriberSection {

    private final Webhooks webhooks;

    SubscriberSection(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/settings/subscribers")
    String section(Model model) {
        return render(model, "", List.of(), FormErrors.none(), null);
    }

    @PostMapping("/settings/subscribers")
    String subscribe(
            Actor actor,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String secret,
            @RequestParam(required = false) List<String> events,
            Model model) {
        try {
            var added = webhooks.subscribe(actor, new Webhooks.Subscription(url, secret, events));
            return render(model, "", List.of(), FormErrors.none(), "Subscribed " + added.url() + ".");
        } catch (InvalidInput invalid) {
            // the secret is not shown again, even to its author
            return render(model, url, events == null ? List.of() : events, FormErrors.of(invalid), null);
        }
    }

    @PostMapping("/settings/subscribers/{id}/remove")
    String unsubscribe(@PathVariable UUID id, Model model) {
        webhooks.unsubscribe(id);
        return render(model, "", List.of(), FormErrors.none(), "Subscriber removed.");
    }

    @PostMapping("/settings/subscribers/deliveries/{id}/replay")
    String replay(@PathVariable UUID id, Model model) {
        var delivery = webhooks.replay(id);
        return render(model, "", List.of(), FormErrors.none(), "Delivery of " + delivery.event() + " sent again.");
    }

    private String render(Model model, String url, List<String> events, Map<String, String> errors, String done) {
        model.addAttribute("subscribers", webhooks.subscribers());
        model.addAttribute("deliveries", webhooks.deliveries(null, null, 20));
        model.addAttribute("eventNames", Subscriber.EVENTS);
        model.addAttribute("url", url);
        model.addAttribute("chosen", events);
        model.addAttribute("errors", errors);
        model.addAttribute("done", done);
        return "settings/subscribers :: section";
    }
}
