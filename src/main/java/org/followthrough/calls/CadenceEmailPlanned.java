package org.followthrough.calls;

import java.time.Instant;
import java.util.UUID;

/**
 * A cadence came to an email step (R6, R8, R20, R24): step {@code stepN} of the enrolment, in the
 * template variant it names, due at {@code dueAt}. Published in the enrolment's transaction, so the
 * email is planned with the step or not at all.
 */
public record CadenceEmailPlanned(
        UUID prospectId, UUID enrolmentId, int stepN, String template, Instant dueAt, String cadenceKey) {

    /** What every email of an enrolment is known by: {@code enrolment/<id>/}, then the step's number. */
    public static final String PREFIX = "enrolment/";

    /** The email's one identity, so planning it twice sends it once. */
    public String key() {
        return PREFIX + enrolmentId + "/" + stepN;
    }

    /** The start of the identity of every email of the enrolment. */
    public static String keysOf(UUID enrolmentId) {
        return PREFIX + enrolmentId + "/";
    }
}
