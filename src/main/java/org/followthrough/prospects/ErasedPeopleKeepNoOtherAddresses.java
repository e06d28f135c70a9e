package org.followthrough.prospects;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a person is erased, inside the erasing transaction and before their row goes: the other emails
 * and phones an import kept for them are suppressed like their main ones (so a file naming them by any
 * of those does not bring them back) and the import rows that quote them are forgotten; the points
 * themselves go with the prospect's row.
 */
@Component
class ErasedPeopleKeepNoOtherAddresses {

    private final ContactPoints points;
    private final Suppressions suppressions;
    private final ImportJobs imports;

    ErasedPeopleKeepNoOtherAddresses(ContactPoints points, Suppressions suppressions, ImportJobs imports) {
        this.points = points;
        this.suppressions = suppressions;
        this.imports = imports;
    }

    @EventListener
    void on(ProspectErased erased) {
        for (var point : points.of(erased.prospectId())) {
            switch (point.kind()) {
                case "EMAIL" -> {
                    suppressions.add(point.value(), null, null);
                    imports.forgetRowsAbout(point.value(), null, null);
                }
                case "PHONE" -> {
                    suppressions.add(null, point.value(), null);
                    imports.forgetRowsAbout(null, point.value(), PhoneNumbers.nationalDigits(point.value()));
                }
                default -> {
                    // a source CRM's id says nothing about the person once their row is gone
                }
            }
        }
    }
}
