package org.followthrough.prospects;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.followthrough.team.Team;
import org.springframework.stereotype.Component;

/** Hands new prospects that nobody claimed to the active reps in turn. */
@Component
class Owners {

    private final Team team;
    private final AtomicLong turn = new AtomicLong();

    Owners(Team team) {
        this.team = team;
    }

    /** Turns among the reps active now, for handing out a whole file's prospects. */
    java.util.function.Supplier<UUID> turns(UUID fallback) {
        var reps = team.activeReps().stream().map(m -> m.id()).toList();
        return () ->
                reps.isEmpty() ? fallback : reps.get((int) Math.floorMod(turn.getAndIncrement(), (long) reps.size()));
    }

    /** The rep whose turn it is; without active reps, a manager or admin, else {@code fallback}. */
    UUID next(UUID fallback) {
        var reps = team.activeReps();
        if (reps.isEmpty()) {
            return team.members().stream()
                    .filter(m -> m.active() && m.role() != org.followthrough.team.Role.REP)
                    .map(m -> m.id())
                    .findFirst()
                    .orElse(fallback);
        }
        return reps.get((int) Math.floorMod(turn.getAndIncrement(), (long) reps.size()))
                .id();
    }
}
