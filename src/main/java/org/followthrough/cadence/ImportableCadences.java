package org.followthrough.cadence;

import java.util.List;
import org.followthrough.prospects.CadenceKeys;
import org.springframework.stereotype.Component;

/** Every cadence, built in or the team's own, is one an import may start. */
@Component
class ImportableCadences implements CadenceKeys {

    private final Cadences cadences;

    ImportableCadences(Cadences cadences) {
        this.cadences = cadences;
    }

    @Override
    public List<String> all() {
        return cadences.all().stream().map(Cadence::key).toList();
    }
}
