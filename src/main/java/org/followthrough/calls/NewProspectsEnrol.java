package org.followthrough.calls;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.followthrough.cadence.Cadence;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.ProspectChanged;
import org.followthrough.prospects.ProspectCreated;
import org.followthrough.prospects.Prospects;
import org.followthrough.prospects.ProspectsImported;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every new prospect starts the first-time-call cadence (R7, R8, R23), whether added by hand, by API,
 * by a signal or by an import; a new owner takes over the open tasks.
 */
@Component
class NewProspectsEnrol {

    private final Enrolments enrolments;
    private final Prospects prospects;
    private final Tasks tasks;
    private final EnrolmentRows rows;
    private final TransactionTemplate transaction;
    private final Clock clock;

    NewProspectsEnrol(
            Enrolments enrolments,
            Prospects prospects,
            Tasks tasks,
            EnrolmentRows rows,
            TransactionTemplate transaction,
            Clock clock) {
        this.enrolments = enrolments;
        this.prospects = prospects;
        this.tasks = tasks;
        this.rows = rows;
        this.transaction = transaction;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ProspectCreated created) {
        // a prospect a web inquiry created is enrolled by the inquiry itself, with its first call raised
        if (!created.source().equals("SIGNAL")
                && enrolments.active(created.prospectId()).isEmpty()) {
            enrolments.start(created.prospectId(), Cadence.FIRST_TIME_CALLS, clock.instant());
        }
    }

    /**
     * An import's new prospects, a thousand per transaction, so a large file does not hold one huge one, each
     * thousand enrolled together ({@link Enrolments#startAll}); those already enrolled (a retried event) are
     * left as they are.
     */
    @ApplicationModuleListener
    void on(ProspectsImported imported) {
        List<Prospect> page;
        UUID after = null;
        do {
            page = prospects.createdByImport(imported.importId(), after, 1000);
            var enrolled = rows.everEnrolled(page.stream().map(Prospect::id).toList());
            // the page's prospects by the cadence each starts, each cadence started for its prospects at once
            var byCadence = new java.util.LinkedHashMap<String, List<Prospect>>();
            page.stream().filter(p -> !enrolled.contains(p.id())).forEach(p -> cadenceFor(p, imported)
                    .ifPresent(key -> byCadence
                            .computeIfAbsent(key, k -> new java.util.ArrayList<>())
                            .add(p)));
            transaction.executeWithoutResult(
                    tx -> byCadence.forEach((key, of) -> enrolments.startAll(of, key, clock.instant())));
            after = page.isEmpty() ? null : page.get(page.size() - 1).id();
        } while (page.size() == 1000);
    }

    /**
     * The cadence the import chose (the first-time calls unless told otherwise, none when told so) for a
     * prospect still open; nurture for one the file says is nurtured; none for one it says is won or lost.
     */
    private static java.util.Optional<String> cadenceFor(Prospect prospect, ProspectsImported imported) {
        var chosen = imported.cadenceToStart();
        if (prospect.stage().isOpen()) {
            return chosen;
        }
        return prospect.stage() == org.followthrough.prospects.Stage.NURTURE && chosen.isPresent()
                ? java.util.Optional.of(Cadence.NURTURE)
                : java.util.Optional.empty();
    }

    @ApplicationModuleListener
    void on(ProspectChanged changed) {
        if (changed.changed("owner")) {
            prospects.byId(changed.prospectId()).ifPresent(p -> tasks.reassignAll(List.of(p.id()), p.ownerId()));
        }
    }

    /** Many new owners at once (a bulk action's page): each new owner takes over their prospects' open tasks. */
    @ApplicationModuleListener
    void on(org.followthrough.prospects.ProspectsChanged changed) {
        var moved = changed.changes().stream()
                .filter(c -> c.changed("owner"))
                .map(ProspectChanged::prospectId)
                .toList();
        prospects.byIds(moved).stream()
                .collect(
                        Collectors.groupingBy(Prospect::ownerId, Collectors.mapping(Prospect::id, Collectors.toList())))
                .forEach((owner, ids) -> tasks.reassignAll(ids, owner));
    }
}
