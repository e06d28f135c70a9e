package org.followthrough.web;

import java.time.Clock;
import java.time.ZonedDateTime;
import org.followthrough.team.Actor;
import org.followthrough.team.Organisation;
import org.followthrough.team.Team;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout's header shows on every page: who is signed in, the organisation, their local time. */
@ControllerAdvice(annotations = Page.class)
class PageFrame {

    private final Team team;
    private final Clock clock;

    PageFrame(Team team, Clock clock) {
        this.team = team;
        this.clock = clock;
    }

    @ModelAttribute("organisation")
    Organisation organisation() {
        return team.organisation();
    }

    @ModelAttribute("actor")
    Actor actor(Actor actor) {
        return actor;
    }

    @ModelAttribute("now")
    ZonedDateTime now(Actor actor) {
        return ZonedDateTime.now(clock.withZone(actor.timeZone()));
    }
}
