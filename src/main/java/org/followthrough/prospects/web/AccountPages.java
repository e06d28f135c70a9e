package org.followthrough.prospects.web;

import java.util.UUID;
import org.followthrough.common.Refusal;
import org.followthrough.prospects.Accounts;
import org.followthrough.prospects.ProspectSearch;
import org.followthrough.team.Actor;
import org.followthrough.team.Team;
import org.followthrough.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An account and its stakeholders with their decision roles (seed 001, R18): whom the team is talking
 * to there, and whether a decision maker is among them. A rep sees only their own prospects at the
 * account, and an account where they have none is not found.
 */
@Controller
@Page
class AccountPages {

    private final Accounts accounts;
    private final ProspectSearch search;
    private final Team team;

    AccountPages(Accounts accounts, ProspectSearch search, Team team) {
        this.accounts = accounts;
        this.search = search;
        this.team = team;
    }

    @GetMapping("/accounts/{id}")
    String show(Actor actor, @PathVariable UUID id, Model model) {
        var account = accounts.find(id).orElseThrow(() -> Refusal.notFound("account", id));
        var stakeholders = search.atAccount(actor, id);
        if (stakeholders.isEmpty() && !actor.seesWholeTeam()) {
            throw Refusal.notFound("account", id);
        }
        var owners = new java.util.HashMap<UUID, String>();
        stakeholders.forEach(p -> owners.computeIfAbsent(
                p.ownerId(), owner -> team.member(owner).map(m -> m.fullName()).orElse("")));
        model.addAttribute("account", account);
        model.addAttribute("stakeholders", stakeholders);
        model.addAttribute("owners", owners);
        model.addAttribute("decisionMakerEngaged", stakeholders.stream().anyMatch(p -> p.decisionRole()
                .decides()));
        return "prospects/account";
    }
}
