package org.followthrough.desk.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.followthrough.briefing.Timeline;
import org.followthrough.cadence.Cadences;
import org.followthrough.calls.CadenceControl;
import org.followthrough.calls.Leads;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.inbound.IntentScore;
import org.followthrough.prospects.DecisionRole;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.ProspectSearch;
import org.followthrough.prospects.Prospects;
import org.followthrough.prospects.Stage;
import org.followthrough.prospects.TimeZoneSource;
import org.followthrough.team.Actor;
import org.followthrough.team.Member;
import org.followthrough.team.Role;
import org.followthrough.team.Team;
import org.followthrough.web.FormErrors;
import org.followthrough.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The prospects a member may see: the list, searched and filtered by stage, owner (for managers),
 * intent score and "no next step" (R23), and one prospect's page with their details, score, timeline
 * of touches and planned steps, and an edit form whose refusals show next to their fields.
 */
@Controller
@Page
class ProspectPages {

    /** The edit form as posted: every field as text, the two flags as checkboxes. */
    record ProspectForm(
            String fullName,
            String title,
            String email,
            String phone,
            String company,
            String companyDomain,
            String industry,
            String country,
            String region,
            String timeZone,
            String decisionRole,
            String owner,
            Boolean doNotCall,
            Boolean emailOptOut) {

        /** An unticked checkbox is not posted at all. */
        ProspectForm {
            doNotCall = Boolean.TRUE.equals(doNotCall);
            emailOptOut = Boolean.TRUE.equals(emailOptOut);
        }

        static ProspectForm of(Prospect p, String ownerEmail) {
            return new ProspectForm(
                    p.fullName(),
                    p.title(),
                    p.email(),
                    p.phoneE164(),
                    p.company(),
                    p.companyDomain(),
                    p.industry(),
                    p.country(),
                    p.region(),
                    p.timeZoneSource() == TimeZoneSource.GIVEN ? p.timeZone().getId() : "",
                    p.decisionRole().name(),
                    ownerEmail,
                    p.doNotCall(),
                    p.emailOptOut());
        }

        /** Only what the member changed, a cleared field as null: the same changes the API's PATCH takes. */
        Map<String, Object> changesFrom(ProspectForm before, boolean mayReassign) {
            var changes = new LinkedHashMap<String, Object>();
            text(changes, "fullName", fullName, before.fullName);
            text(changes, "title", title, before.title);
            text(changes, "email", email, before.email);
            text(changes, "phone", phone, before.phone);
            text(changes, "company", company, before.company);
            text(changes, "companyDomain", companyDomain, before.companyDomain);
            text(changes, "industry", industry, before.industry);
            text(changes, "country", country, before.country);
            text(changes, "region", region, before.region);
            text(changes, "timeZone", timeZone, before.timeZone);
            text(changes, "decisionRole", decisionRole, before.decisionRole);
            if (mayReassign) {
                text(changes, "owner", owner, before.owner);
            }
            if (!doNotCall.equals(before.doNotCall)) {
                changes.put("doNotCall", doNotCall);
            }
            if (!emailOptOut.equals(before.emailOptOut)) {
                changes.put("emailOptOut", emailOptOut);
            }
            return changes;
        }

        private static void text(Map<String, Object> changes, String name, String now, String was) {
            var wanted = now == null || now.isBlank() ? null : now.strip();
            var had = was == null || was.isBlank() ? null : was;
            if (!Objects.equals(wanted, had)) {
                changes.put(name, wanted);
            }
        }
    }

    private final ProspectSearch search;
    private final Prospects prospects;
    private final IntentScore scores;
    private final Leads leads;
    private final Timeline timeline;
    private final CadenceControl cadenceControl;
    private final Cadences cadences;
    private final Team team;
    private final DialLinks dial;

    ProspectPages(
            ProspectSearch search,
            Prospects prospects,
            IntentScore scores,
            Leads leads,
            Timeline timeline,
            CadenceControl cadenceControl,
            Cadences cadences,
            Team team,
            DialLinks dial) {
        this.dial = dial;
        this.cadenceControl = cadenceControl;
        this.cadences = cadences;
        this.search = search;
        this.prospects = prospects;
        this.scores = scores;
        this.leads = leads;
        this.timeline = timeline;
        this.team = team;
    }

    @GetMapping("/prospects")
    String list(
            Actor actor,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Stage stage,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) Integer minScore,
            @RequestParam(defaultValue = "false") boolean noNextStep,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        List<UUID> only = null;
        if (noNextStep) {
            only = leads.withoutNextStep(actor, 1_000).stream()
                    .map(Leads.Stranded::prospectId)
                    .toList();
        }
        var scoredCompletely = true;
        if (minScore != null && minScore > 0) {
            var hot = scores.atLeast(minScore);
            scoredCompletely = hot.complete();
            only = only == null
                    ? List.copyOf(hot.prospectIds())
                    : only.stream().filter(hot.prospectIds()::contains).toList();
        }
        var filter =
                new ProspectSearch.Filter(stage, actor.seesWholeTeam() ? blankToNull(owner) : null, q, only, page, 50);
        ProspectSearch.Page found;
        var errors = new HashMap<String, String>();
        try {
            found = search.list(actor, filter);
        } catch (InvalidInput invalid) {
            errors.putAll(FormErrors.of(invalid));
            found = search.list(actor, new ProspectSearch.Filter(stage, null, q, only, page, 50));
        }
        model.addAttribute("found", found);
        model.addAttribute(
                "scores", scores.of(found.items().stream().map(Prospect::id).toList()));
        model.addAttribute("q", q);
        model.addAttribute("stage", stage);
        model.addAttribute("owner", owner);
        model.addAttribute("minScore", minScore);
        model.addAttribute("noNextStep", noNextStep);
        model.addAttribute("scoredCompletely", scoredCompletely);
        model.addAttribute("errors", errors);
        model.addAttribute("stages", Arrays.asList(Stage.values()));
        model.addAttribute("reps", reps(actor));
        model.addAttribute("hasNext", (long) (found.page() + 1) * found.size() < found.total());
        return "desk/prospects";
    }

    @GetMapping("/prospects/{id}")
    String show(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String saved, Model model) {
        var prospect = prospects.get(actor, id);
        model.addAttribute("form", ProspectForm.of(prospect, ownerEmail(prospect)));
        model.addAttribute("saved", saved != null);
        return render(actor, prospect, model, FormErrors.none());
    }

    @PostMapping("/prospects/{id}")
    String change(
            Actor actor,
            @PathVariable UUID id,
            @ModelAttribute("form") ProspectForm form,
            Model model,
            RedirectAttributes redirect) {
        var current = prospects.get(actor, id);
        var changes = form.changesFrom(ProspectForm.of(current, ownerEmail(current)), actor.seesWholeTeam());
        try {
            if (!changes.isEmpty()) {
                prospects.change(actor, id, changes);
            }
        } catch (InvalidInput invalid) {
            return render(actor, current, model, FormErrors.of(invalid));
        } catch (Refusal refused) {
            if (refused.status() != org.springframework.http.HttpStatus.CONFLICT) {
                throw refused;
            }
            // another prospect has the email (the page offers to open that one instead), or it is suppressed
            var existing = refused.properties().get("existingId");
            if (existing instanceof UUID other) {
                model.addAttribute("existing", prospects.find(actor, other).orElse(null));
                return render(actor, current, model, Map.of("email", "already belongs to another prospect"));
            }
            return render(actor, current, model, Map.of("email", refused.getMessage()));
        }
        redirect.addAttribute("saved", "");
        return "redirect:/prospects/" + id;
    }

    private String render(Actor actor, Prospect prospect, Model model, Map<String, String> errors) {
        model.addAttribute("prospect", prospect);
        model.addAttribute("dial", dial.of(prospect.phoneE164()));
        model.addAttribute("owner", team.member(prospect.ownerId()).orElse(null));
        model.addAttribute("score", scores.of(prospect.id()));
        model.addAttribute("timeline", timeline.of(actor, prospect.id()));
        var running = cadenceControl.all(actor, prospect.id());
        model.addAttribute("enrolment", running.isEmpty() ? null : running.get(0));
        model.addAttribute("alongside", running.size() > 1 ? running.subList(1, running.size()) : List.of());
        model.addAttribute("cadenceChoices", cadences.all());
        if (!model.containsAttribute("pauseForm")) {
            model.addAttribute("pauseForm", new CadencePanel.PauseForm("", ""));
            model.addAttribute("pauseErrors", FormErrors.none());
        }
        model.addAttribute("roles", Arrays.asList(DecisionRole.values()));
        model.addAttribute("reps", reps(actor));
        model.addAttribute("errors", errors);
        return "desk/prospect";
    }

    private List<Member> reps(Actor actor) {
        if (!actor.seesWholeTeam()) {
            return List.of();
        }
        var reps = new ArrayList<Member>();
        for (var m : team.members()) {
            if (m.active() && (m.role() == Role.REP || m.role() == Role.MANAGER)) {
                reps.add(m);
            }
        }
        return reps;
    }

    private String ownerEmail(Prospect p) {
        return team.member(p.ownerId()).map(Member::email).orElse(null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
