package org.followthrough.desk.web;

import java.util.Map;
import java.util.UUID;
import org.followthrough.prospects.Prospects;
import org.followthrough.team.Actor;
import org.followthrough.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A rep confirms which of a prospect's candidate zones is theirs, from the prospect page or the call
 * screen: the same change as {@code PATCH timeZone}, so the zone becomes the only candidate and the open
 * calls move into its legal hours. A zone that is not one of the candidates is not offered, and one sent
 * anyway is refused like any unknown zone.
 */
@Controller
@Page
class ZoneConfirmation {

    private final Prospects prospects;

    ZoneConfirmation(Prospects prospects) {
        this.prospects = prospects;
    }

    @PostMapping("/prospects/{id}/time-zone")
    String confirm(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam String timeZone,
            @RequestParam(defaultValue = "prospect") String back,
            RedirectAttributes redirect) {
        var prospect = prospects.get(actor, id);
        var chosen = prospect.timeZoneCandidates().stream()
                .filter(zone -> zone.getId().equals(timeZone))
                .findFirst();
        if (chosen.isPresent()) {
            prospects.change(actor, id, Map.of("timeZone", chosen.get().getId()));
            redirect.addAttribute("zoneConfirmed", chosen.get().getId());
        }
        return "redirect:/prospects/" + id + (back.equals("call") ? "/call" : "");
    }
}
