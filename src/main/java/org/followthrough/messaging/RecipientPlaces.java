package org.followthrough.messaging;

import java.util.Optional;
import java.util.UUID;
import org.followthrough.calendar.Place;

/**
 * Where a prospect is, for sending automated email inside their business hours: the module that
 * knows prospects answers. Without an answer, automated email is held only by the daily caps.
 */
public interface RecipientPlaces {

    /** The prospect's time zone, country and region, or empty when unknown (or erased). */
    Optional<Place> placeOf(UUID prospectId);
}
