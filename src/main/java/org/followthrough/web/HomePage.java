package org.followthrough.web;

import java.time.Clock;
import java.time.ZonedDateTime;
import org.followthrough.team.Actor;
import org.followthrough.team.Team;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The first page after sign-in. */
@Controller
class HomePage {

    private final Team team;
    private final Clock clock;

    HomePage(Team team, Clock clock) {
        this.team = team;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Actor actor, Model model) {
        model.addAttribute("actor", actor);
        model.addAttribute("organisation", team.organisation());
        model.addAttribute("now", ZonedDateTime.now(clock.withZone(actor.timeZone())));
        return "home";
    }
}
