package org.followthrough.correspondence;

import java.util.ArrayList;
import java.util.List;
import org.followthrough.messaging.Recipient;
import org.followthrough.prospects.Prospect;
import org.followthrough.scripts.MessageValues;
import org.followthrough.team.Member;
import org.followthrough.team.Team;
import org.followthrough.touches.Touches;
import org.springframework.stereotype.Component;

/** Who an engine email is from and to, and the values every template of it may use. */
@Component
class EmailParties {

    private final Team team;
    private final Touches touches;

    EmailParties(Team team, Touches touches) {
        this.team = team;
        this.touches = touches;
    }

    /** The owner as sender name and reply-to; the organisation when the owner is gone. */
    Recipient rep(Prospect p) {
        var member = team.member(p.ownerId());
        return new Recipient(
                member.map(Member::fullName).orElse(organisation()),
                member.map(Member::email).orElse("followthrough@localhost"));
    }

    static Recipient to(Prospect p) {
        return new Recipient(p.fullName(), p.email());
    }

    String organisation() {
        return team.organisation().name();
    }

    /** Prospect, rep, our name and the last conversation; callers add the appointment or article. */
    MessageValues values(Prospect p) {
        var member = team.member(p.ownerId());
        var conversation = touches.lastConversation(p.id());
        return MessageValues.builder()
                .prospect(p.fullName(), p.firstName(), p.company(), p.title())
                .rep(
                        member.map(Member::fullName).orElse(organisation()),
                        member.map(Member::phone).orElse(null),
                        member.map(Member::email).orElse(null))
                .company(organisation())
                .lastConversation(conversation.pains(), conversation.gains(), conversation.promises());
    }

    /** What the prospect talked about, for picking an article on their topic. */
    List<String> topics(Prospect p) {
        var conversation = touches.lastConversation(p.id());
        var topics = new ArrayList<>(conversation.pains());
        topics.addAll(conversation.gains());
        return topics;
    }

    static boolean mayEmail(Prospect p) {
        return p.email() != null && !p.emailOptOut();
    }
}
