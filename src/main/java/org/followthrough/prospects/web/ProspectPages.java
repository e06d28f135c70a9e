package org.followthrough.prospects.web;

import java.util.Arrays;
import org.followthrough.prospects.ProspectSearch;
import org.followthrough.prospects.Stage;
import org.followthrough.team.Actor;
import org.followthrough.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The prospects a member may see, searched and filtered by stage (and owner, for managers), a page at a time. */
@Controller
@Page
class ProspectPages {

    private final ProspectSearch search;

    ProspectPages(ProspectSearch search) {
        this.search = search;
    }

    @GetMapping("/prospects")
    String list(
            Actor actor,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Stage stage,
            @RequestParam(required = false) String owner,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        var found = search.list(
                actor,
                new ProspectSearch.Filter(stage, actor.seesWholeTeam() ? blankToNull(owner) : null, q, page, 50));
        model.addAttribute("found", found);
        model.addAttribute("q", q);
        model.addAttribute("stage", stage);
        model.addAttribute("owner", owner);
        model.addAttribute("stages", Arrays.asList(Stage.values()));
        model.addAttribute("hasNext", (long) (found.page() + 1) * found.size() < found.total());
        return "prospects/list";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
