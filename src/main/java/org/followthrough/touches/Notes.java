package org.followthrough.touches;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Nullable;
import org.followthrough.common.PlainText;
import org.followthrough.prospects.Prospects;
import org.followthrough.team.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a rep writes on a prospect's timeline by hand: a note, or an email they sent themselves from
 * their own mailbox. A manual email is a touch like the engine's (the prospect was last touched then);
 * it carries the label of the attempt it belongs to, the call it comes before (R5: before the
 * prospect was first reached an email is part of FTC #n, never a follow-up). It is not a call: the calls' numbering and the cadence go on as they were.
 */
@Service
public class Notes {

    /** A note or a manual email as sent: {@code kind} NOTE (the default) or EMAIL; {@code at} may be in the past. */
    public record NewNote(String kind, @PlainText.MultiLine String text, OffsetDateTime at) {}

    /** A written touch as stored. */
    public record Noted(UUID touchId, String kind, @Nullable String label, Instant at) {}

    static final int MAX_TEXT = 4000;

    private final Prospects prospects;
    private final Touches touches;
    private final Clock clock;

    Notes(Prospects prospects, Touches touches, Clock clock) {
        this.prospects = prospects;
        this.touches = touches;
        this.clock = clock;
    }

    @Transactional
    public Noted add(Actor actor, UUID prospectId, NewNote note) {
        var prospect = prospects.get(actor, prospectId);
        var now = clock.instant();
        var problems = new InvalidInput.Collector();
        var kind = note.kind() == null || note.kind().isBlank()
                ? "NOTE"
                : note.kind().strip().toUpperCase(Locale.ROOT);
        if (!kind.equals("NOTE") && !kind.equals("EMAIL")) {
            problems.add("kind", "must be NOTE or EMAIL, not '" + note.kind() + "'");
        }
        var text = note.text() == null ? "" : note.text().strip();
        if (text.isEmpty()) {
            problems.add("text", "is required: what you want to remember, or what the email said");
        } else if (text.length() > MAX_TEXT) {
            problems.add("text", "must be at most " + MAX_TEXT + " characters; this one has " + text.length());
        }
        var at = note.at() == null ? now : note.at().toInstant();
        if (at.isAfter(now.plusSeconds(60))) {
            problems.add("at", "is in the future; write it down once it happened (leave it out for now)");
        }
        problems.throwIfAny();
        var label = kind.equals("EMAIL") ? emailLabel(touches.counts(prospect.id())) : null;
        var id = UUID.randomUUID();
        touches.insertWritten(id, prospect.id(), actor.id(), kind, label, at, now, text);
        return new Noted(id, kind, label, at);
    }

    /**
     * The attempt a manual email belongs to, as the cadence's own emails go with a call ("FTC #2
     * email"): the call it comes before, FTC #n or Follow-up #n.
     */
    static String emailLabel(Attempts attempts) {
        return attempts.nextLabel();
    }
}
