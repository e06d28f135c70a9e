package org.followthrough.prospects;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.team.Actor;
import org.followthrough.team.Member;
import org.followthrough.team.Team;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who takes the people new web inquiries bring, in turn: the members an administrator chose, or every
 * active rep while none is chosen (or none of the chosen is still active), so an inquiry always finds
 * an owner.
 */
@Service
public class InquiryOwners {

    /** The choice as an administrator sees it, and who takes turns because of it now. */
    public record Choice(List<String> owners, boolean allActiveReps, List<String> inTurn) {}

    private final Team team;
    private final JdbcClient jdbc;

    InquiryOwners(Team team, JdbcClient jdbc) {
        this.team = team;
        this.jdbc = jdbc;
    }

    public Choice choice() {
        var chosen = chosen();
        var inTurn = inTurn().stream().map(Member::email).toList();
        return new Choice(chosen.stream().map(Member::email).toList(), chosen.isEmpty(), inTurn);
    }

    /** Sets the members who take web inquiries, in this order; an empty list means every active rep. */
    @Transactional
    public Choice choose(Actor actor, List<String> emails) {
        if (!actor.isAdmin()) {
            throw Refusal.forbidden("Only administrators choose who takes web inquiries.");
        }
        var problems = new InvalidInput.Collector();
        var ids = new LinkedHashSet<UUID>();
        var given = emails == null ? List.<String>of() : emails;
        for (int i = 0; i < given.size(); i++) {
            var email = given.get(i) == null ? "" : given.get(i).trim().toLowerCase(Locale.ROOT);
            var member = team.memberByEmail(email).filter(Member::active);
            if (member.isEmpty()) {
                problems.add(
                        "owners[" + i + "]",
                        "'" + given.get(i) + "' is not an active member of the team; give a member's email");
            } else {
                ids.add(member.get().id());
            }
        }
        problems.throwIfAny();
        jdbc.sql("delete from inquiry_owners").update();
        int position = 0;
        for (var id : ids) {
            jdbc.sql("insert into inquiry_owners (member_id, position) values (?, ?)")
                    .params(id, position++)
                    .update();
        }
        return choice();
    }

    /** The members who take turns now: the chosen who are active, else every active rep. */
    List<Member> inTurn() {
        var chosen = chosen().stream().filter(Member::active).toList();
        return chosen.isEmpty() ? team.activeReps() : chosen;
    }

    private List<Member> chosen() {
        var ids = jdbc.sql("select member_id from inquiry_owners order by position")
                .query(UUID.class)
                .list();
        var members = new ArrayList<Member>();
        ids.forEach(id -> team.member(id).ifPresent(members::add));
        return members;
    }
}
