package org.followthrough.scripts.web;

import java.util.List;
import org.followthrough.common.InvalidInput;
import org.followthrough.scripts.Finding;
import org.followthrough.scripts.ScriptCheck;
import org.followthrough.scripts.Speaker;
import org.followthrough.team.Actor;
import org.followthrough.team.Member;
import org.followthrough.team.Team;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Checks a text a rep or manager is writing; the signed-in member's own name and number count as mentioned. */
@RestController
class ScriptCheckController {

    record CheckRequest(ScriptCheck.Kind kind, @org.followthrough.common.PlainText.MultiLine String text) {}

    record CheckResult(List<Finding> findings) {}

    private final ScriptCheck check;
    private final Team team;

    ScriptCheckController(ScriptCheck check, Team team) {
        this.check = check;
        this.team = team;
    }

    @PostMapping("/api/v1/scripts/check")
    CheckResult check(@RequestBody CheckRequest request, Actor actor) {
        var problems = new InvalidInput.Collector();
        if (request.kind() == null) {
            problems.add("kind", "is required: one of OPENER, VOICEMAIL, EMAIL, QUESTIONS");
        }
        if (request.text() == null || request.text().isBlank()) {
            problems.add("text", "is required: the words to check");
        } else if (request.text().length() > 20_000) {
            problems.add("text", "must have at most 20000 characters");
        }
        problems.throwIfAny();
        var phone = team.member(actor.id()).map(Member::phone).orElse(null);
        var speaker = new Speaker(actor.fullName(), team.organisation().name(), phone);
        return new CheckResult(check.check(request.kind(), request.text(), speaker));
    }
}
