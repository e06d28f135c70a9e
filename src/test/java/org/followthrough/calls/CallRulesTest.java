package org.followthrough.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.followthrough.calls.LoggedCalls.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.followthrough.cadence.CallOutcome;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Stage;
import org.followthrough.touches.Attempts;
import org.followthrough.touches.LogCall;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule a logged call keeps, on its own, without the application. */
class CallRulesTest {

    @Nested
    class NextStepRequiredRule {

        final List<Prospect> askedFor = new ArrayList<>();
        final NextStepRequired rule = new NextStepRequired((p, now) -> {
            askedFor.add(p);
            return List.of();
        });

        @Test
        void aConnectedCallWithoutANextStepIsRefusedWithSlotsToPropose() {
            assertThatThrownBy(() -> rule.check(call(CallOutcome.CONNECTED).logged()))
                    .isInstanceOfSatisfying(Refusal.class, refused -> {
                        assertThat(refused.status().value()).isEqualTo(422);
                        assertThat(refused.properties()).containsKey("alternatives");
                    });
            assertThat(askedFor).hasSize(1);
        }

        @Test
        void anAttemptOrAPostSaleCheckInNeedsNone() {
            assertThatCode(() -> rule.check(call(CallOutcome.NO_ANSWER).logged()))
                    .doesNotThrowAnyException();
            assertThatCode(() -> rule.check(call(CallOutcome.CONNECTED)
                            .stage(Stage.WON)
                            .afterSale()
                            .logged()))
                    .doesNotThrowAnyException();
            assertThat(askedFor).isEmpty();
        }
    }

    @Nested
    class OneNextStepRule {

        final OneNextStep rule = new OneNextStep();

        @Test
        void aStepIsAnAppointmentOrAnEndNotBothNorNeither() {
            var both = new LogCall.NextStep(LoggedCalls.inNewYork("2026-08-20T16:00"), "x", null, "WON", null, null);
            var neither = new LogCall.NextStep(null, "x", null, null, null, null);
            for (var next : List.of(both, neither)) {
                assertThatThrownBy(() -> rule.check(
                                call(CallOutcome.CONNECTED).next(next).logged()))
                        .isInstanceOf(InvalidInput.class)
                        .hasMessageContaining("either an appointment");
            }
            assertThatCode(() -> rule.check(call(CallOutcome.CONNECTED)
                            .endingAs("WON", (Boolean) null)
                            .logged()))
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    class EndStagesRule {

        final EndStages rule = new EndStages();

        @Test
        void onlyWonLostOrNurtureEndACallInAnyCase() {
            for (var stage : List.of("won", "LOST", " Nurture ")) {
                assertThatCode(() -> rule.check(call(CallOutcome.CONNECTED)
                                .endingAs(stage, (Boolean) null)
                                .logged()))
                        .doesNotThrowAnyException();
            }
            for (var stage : List.of("ENGAGED", "NEW", "CLOSED")) {
                assertThatThrownBy(() -> rule.check(call(CallOutcome.CONNECTED)
                                .endingAs(stage, (Boolean) null)
                                .logged()))
                        .isInstanceOf(InvalidInput.class)
                        .hasMessageContaining("WON, LOST or NURTURE");
            }
        }

        @Test
        void theReasonIsKeptShort() {
            assertThatThrownBy(() -> rule.check(call(CallOutcome.CONNECTED)
                            .endingAs("LOST", "x".repeat(EndStages.MAX_REASON + 1))
                            .logged()))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("500");
        }
    }

    @Nested
    class PersistenceRule {

        final Persistence rule = new Persistence();
        final Attempts fourFollowUps = Attempts.NONE
                .after("CONNECTED")
                .after("NO_ANSWER")
                .after("NO_ANSWER")
                .after("CONNECTED");
        final Attempts fiveFollowUps = fourFollowUps.after("NO_ANSWER");

        @Test
        void givingUpBeforeFiveFollowUpsAsksForConfirmation() {
            assertThat(fourFollowUps.followUps()).isEqualTo(4);
            assertThatThrownBy(() -> rule.check(call(CallOutcome.CONNECTED)
                            .after(fourFollowUps)
                            .endingAs("LOST", (Boolean) null)
                            .logged()))
                    .isInstanceOfSatisfying(Refusal.class, refused -> {
                        assertThat(refused.status().value()).isEqualTo(409);
                        assertThat(refused.properties()).containsEntry("followUps", 4);
                    });
        }

        @Test
        void aNoFromTheProspectAConfirmationOrFiveFollowUpsCloseWithoutAsking() {
            assertThatCode(() -> rule.check(call(CallOutcome.CONNECTED)
                            .after(fourFollowUps)
                            .endingAs("LOST", true)
                            .logged()))
                    .doesNotThrowAnyException();
            assertThatCode(() -> rule.check(call(CallOutcome.CONNECTED)
                            .after(fourFollowUps)
                            .endingAs("LOST", (Boolean) null)
                            .confirmed()
                            .logged()))
                    .doesNotThrowAnyException();
            assertThatCode(() -> rule.check(call(CallOutcome.CONNECTED)
                            .after(fiveFollowUps)
                            .endingAs("LOST", (Boolean) null)
                            .logged()))
                    .doesNotThrowAnyException();
        }

        @Test
        void nurtureOrASaleIsNotGivingUp() {
            for (var stage : List.of("NURTURE", "WON")) {
                assertThatCode(() -> rule.check(call(CallOutcome.CONNECTED)
                                .endingAs(stage, (Boolean) null)
                                .logged()))
                        .doesNotThrowAnyException();
            }
        }
    }

    @Nested
    class AppointmentPossibleRule {

        final List<Instant> checked = new ArrayList<>();
        final List<Boolean> agreed = new ArrayList<>();
        final AppointmentPossible rule = new AppointmentPossible((p, at, prospectAgreed, now) -> {
            checked.add(at);
            agreed.add(prospectAgreed);
        });

        @Test
        void anAgreedAppointmentIsCheckedAtItsInstantWithWhatTheProspectAgreed() {
            var at = LoggedCalls.inNewYork("2026-08-22T10:00");
            rule.check(call(CallOutcome.CONNECTED).booking(at, true).logged());
            assertThat(checked).containsExactly(at.toInstant());
            assertThat(agreed).containsExactly(true);
        }

        @Test
        void anEndOrAnAttemptBooksNothingToCheck() {
            rule.check(
                    call(CallOutcome.CONNECTED).endingAs("WON", (Boolean) null).logged());
            rule.check(call(CallOutcome.NO_ANSWER).logged());
            assertThat(checked).isEmpty();
        }
    }

    @Nested
    class DoNotCallBooksNothingRule {

        final DoNotCallBooksNothing rule = new DoNotCallBooksNothing();

        @Test
        void aDoNotCallProspectGetsNoAppointment() {
            assertThatThrownBy(() -> rule.check(call(CallOutcome.CONNECTED)
                            .doNotCall()
                            .booking(LoggedCalls.inNewYork("2026-08-20T16:00"), true)
                            .logged()))
                    .isInstanceOfSatisfying(
                            Refusal.class,
                            refused -> assertThat(refused.status().value()).isEqualTo(409));
        }

        @Test
        void theirInboundCallBackCanStillBeLoggedAndClosed() {
            assertThatCode(() -> rule.check(call(CallOutcome.CONNECTED)
                            .doNotCall()
                            .endingAs("NURTURE", (Boolean) null)
                            .logged()))
                    .doesNotThrowAnyException();
        }
    }
}
