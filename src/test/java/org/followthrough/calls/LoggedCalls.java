package org.followthrough.calls;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.followthrough.cadence.CallOutcome;
import org.followthrough.prospects.DecisionRole;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Stage;
import org.followthrough.prospects.TimeZoneSource;
import org.followthrough.touches.Attempts;
import org.followthrough.touches.LogCall;

/** Builds calls as the rules see them, for the rules' own tests. */
final class LoggedCalls {

    static final Instant NOW = Instant.parse("2026-08-19T15:00:00Z");

    private Stage stage = Stage.ENGAGED;
    private boolean doNotCall;
    private CallOutcome outcome = CallOutcome.CONNECTED;
    private LogCall.NextStep next;
    private Boolean confirm;
    private Attempts before = Attempts.NONE;
    private boolean afterSale;

    static LoggedCalls call(CallOutcome outcome) {
        var calls = new LoggedCalls();
        calls.outcome = outcome;
        return calls;
    }

    LoggedCalls stage(Stage stage) {
        this.stage = stage;
        return this;
    }

    LoggedCalls doNotCall() {
        this.doNotCall = true;
        return this;
    }

    LoggedCalls endingAs(String stage, Boolean prospectSaidNo) {
        this.next = new LogCall.NextStep(null, null, null, stage, null, prospectSaidNo);
        return this;
    }

    LoggedCalls endingAs(String stage, String reason) {
        this.next = new LogCall.NextStep(null, null, null, stage, reason, null);
        return this;
    }

    LoggedCalls booking(OffsetDateTime at, Boolean prospectAgreed) {
        this.next = new LogCall.NextStep(at, "Pricing", prospectAgreed, null, null, null);
        return this;
    }

    LoggedCalls next(LogCall.NextStep next) {
        this.next = next;
        return this;
    }

    LoggedCalls confirmed() {
        this.confirm = true;
        return this;
    }

    LoggedCalls after(Attempts before) {
        this.before = before;
        return this;
    }

    LoggedCalls afterSale() {
        this.afterSale = true;
        return this;
    }

    LoggedCall logged() {
        var call = new LogCall(outcome, null, null, null, null, null, null, null, next, confirm, null);
        return new LoggedCall(prospect(), call, NOW, NOW, before, afterSale);
    }

    Prospect prospect() {
        return new Prospect(
                UUID.nameUUIDFromBytes("prospect".getBytes()),
                UUID.nameUUIDFromBytes("owner".getBytes()),
                "Pat Lee",
                "Head of Operations",
                "pat@acme.example",
                "+12125550147",
                ZoneId.of("America/New_York"),
                TimeZoneSource.PHONE,
                null,
                java.util.List.of(),
                "US",
                null,
                false,
                null,
                "Acme",
                "acme.example",
                "Logistics",
                DecisionRole.DECISION_MAKER,
                stage,
                doNotCall,
                false,
                NOW,
                NOW);
    }

    static OffsetDateTime inNewYork(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime)
                .atZone(ZoneId.of("America/New_York"))
                .toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.ofHours(-4));
    }
}
