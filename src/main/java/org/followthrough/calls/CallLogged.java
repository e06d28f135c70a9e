package org.followthrough.calls;

import java.time.Instant;
import java.util.UUID;
import org.followthrough.cadence.CallOutcome;
import org.followthrough.touches.LogCall;

/**
 * A rep logged a call: its label (R5), what they sent ({@code call}: notes, pains, gains, promises, the
 * next step), the appointment the call was made for and the one it booked, if any. Published in the
 * logging transaction.
 */
public record CallLogged(
        UUID touchId,
        UUID prospectId,
        UUID memberId,
        CallOutcome outcome,
        String label,
        Instant at,
        LogCall call,
        UUID appointmentId,
        UUID bookedAppointmentId) {}
