package org.followthrough.correspondence;

import java.util.Optional;
import java.util.UUID;
import org.followthrough.calendar.Place;
import org.followthrough.messaging.RecipientPlaces;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.springframework.stereotype.Component;

/** Tells the outbox where a prospect is (zone, country, region), so automated email goes in their business hours. */
@Component
class ProspectPlaces implements RecipientPlaces {

    private final Prospects prospects;

    ProspectPlaces(Prospects prospects) {
        this.prospects = prospects;
    }

    @Override
    public Optional<Place> placeOf(UUID prospectId) {
        return prospects.byId(prospectId).map(Prospect::place);
    }
}
