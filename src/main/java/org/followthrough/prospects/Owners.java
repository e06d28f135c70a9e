package org.followthrough.prospects;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.followthrough.team.Member;
import org.followthrough.team.Role;
import org.followthrough.team.Team;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands new prospects that nobody claimed to the reps in turn. Whose turn it is lives in the database
 * ({@code owner_turns}), so the rotation survives a restart and is shared by every instance: the
 * prospects managers add without an owner go round the active reps, the people new web inquiries bring
 * round the {@link InquiryOwners}.
 */
@Component
class Owners {

    static final String UNASSIGNED = "unassigned";
    static final String INQUIRIES = "inquiries";

    /** Turns for a whole file or a whole book of prospects: counted here, stored once by {@link #keep}. */
    static final class Rotation implements Supplier<UUID> {
        private final List<UUID> reps;
        private final UUID fallback;
        private final long start;
        private final AtomicLong taken = new AtomicLong();

        private Rotation(List<UUID> reps, UUID fallback, long start) {
            this.reps = reps;
            this.fallback = fallback;
            this.start = start;
        }

        @Override
        public UUID get() {
            if (reps.isEmpty()) {
                return fallback;
            }
            return reps.get((int) Math.floorMod(start + taken.getAndIncrement(), (long) reps.size()));
        }
    }

    private final Team team;
    private final InquiryOwners inquiryOwners;
    private final JdbcClient jdbc;

    Owners(Team team, InquiryOwners inquiryOwners, JdbcClient jdbc) {
        this.team = team;
        this.inquiryOwners = inquiryOwners;
        this.jdbc = jdbc;
    }

    /** The active rep whose turn it is; without active reps, a manager or admin, else {@code fallback}. */
    UUID next(UUID fallback) {
        return take(UNASSIGNED, team.activeReps(), fallback);
    }

    /** Who takes the person a new web inquiry brings. */
    UUID nextForInquiry(UUID fallback) {
        return take(INQUIRIES, inquiryOwners.inTurn(), fallback);
    }

    /** Turns among the reps active now, starting where the rotation stands, for handing out many at once. */
    Rotation rotation(UUID fallback) {
        var reps = team.activeReps().stream().map(Member::id).toList();
        return new Rotation(reps, fallback, turn(UNASSIGNED));
    }

    /** Moves the rotation on by the turns a {@link Rotation} handed out, so the next one starts after them. */
    void keep(Rotation rotation) {
        if (rotation.taken.get() > 0 && !rotation.reps.isEmpty()) {
            jdbc.sql("update owner_turns set turn = turn + ? where pool = ?")
                    .params(rotation.taken.get(), UNASSIGNED)
                    .update();
        }
    }

    private UUID take(String pool, List<Member> reps, UUID fallback) {
        if (reps.isEmpty()) {
            return anyoneElse(fallback);
        }
        // the row stays locked until the caller's transaction ends, so two creates never take the same turn
        jdbc.sql("update owner_turns set turn = turn + 1 where pool = ?")
                .param(pool)
                .update();
        long taken = turn(pool) - 1;
        return reps.get((int) Math.floorMod(taken, (long) reps.size())).id();
    }

    private long turn(String pool) {
        return jdbc.sql("select turn from owner_turns where pool = ?")
                .param(pool)
                .query(Long.class)
                .single();
    }

    private UUID anyoneElse(UUID fallback) {
        return team.members().stream()
                .filter(m -> m.active() && m.role() != Role.REP)
                .map(Member::id)
                .findFirst()
                .orElse(fallback);
    }
}
