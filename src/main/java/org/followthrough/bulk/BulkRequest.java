package org.followthrough.bulk;

import java.util.Locale;
import org.followthrough.common.InvalidInput;
import org.followthrough.prospects.ProspectSearch;
import org.followthrough.prospects.Stage;

/**
 * A bulk action as asked for: the search it applies to (as on the prospects list: {@code q},
 * {@code stage}, {@code owner}), what to do, and what that needs — the cadence to enrol in (and
 * whether to move those in another), the pause's reason and day, the member to reassign to.
 */
public record BulkRequest(
        String q,
        String stage,
        String owner,
        Action action,
        String cadence,
        Boolean replace,
        String reason,
        String until,
        String assignTo) {

    /** What a bulk action does to each prospect of the search. */
    public enum Action {
        ENROL,
        UNENROL,
        PAUSE,
        REASSIGN,
        DO_NOT_CALL
    }

    /** The search, checked: an unknown stage is a field error. */
    ProspectSearch.Filter filter() {
        Stage stageValue = null;
        if (stage != null && !stage.isBlank()) {
            try {
                stageValue = Stage.valueOf(stage.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.of("stage", "must be one of NEW, ATTEMPTING, ENGAGED, WON, LOST, NURTURE");
            }
        }
        return new ProspectSearch.Filter(stageValue, blankToNull(owner), blankToNull(q), 0, 0);
    }

    /** What the action needs, each missing part named. */
    void check() {
        var problems = new InvalidInput.Collector();
        if (action == null) {
            problems.add("action", "is required: ENROL, UNENROL, PAUSE, REASSIGN or DO_NOT_CALL");
        } else if (action == Action.ENROL && blankToNull(cadence) == null) {
            problems.add("cadence", "is required to enrol: the key of a cadence, such as first-time-calls");
        } else if (action == Action.PAUSE && blankToNull(reason) == null) {
            problems.add("reason", "is required to pause, such as 'conference season'");
        } else if (action == Action.REASSIGN && blankToNull(assignTo) == null) {
            problems.add("assignTo", "is required to reassign: the email of the member who takes them");
        }
        problems.throwIfAny();
    }

    public boolean replacing() {
        return Boolean.TRUE.equals(replace);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
