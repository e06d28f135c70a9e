package org.followthrough.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A step's wordings are shared among prospects by weight, each prospect always getting the same one. */
class StepWordingTest {

    static final Step TWO_TO_ONE = new Step(
            2,
            Channel.EMAIL,
            Delay.minutes(10, Delay.Anchor.PREVIOUS),
            Placing.EXACT,
            null,
            List.of(new Wording("A", "ftc-email-1", 1), new Wording("B", "ftc-email-7", 3)),
            null);

    @Test
    void theSameProspectAlwaysGetsTheSameWordingAtTheSameStep() {
        var prospect = UUID.fromString("0b8f6f0e-4c1e-4d52-9a59-2f6f54d3a1c7");
        var first = TWO_TO_ONE.wordingFor(prospect, "first-time-calls");
        for (int i = 0; i < 10; i++) {
            assertThat(TWO_TO_ONE.wordingFor(prospect, "first-time-calls")).isEqualTo(first);
        }
        assertThat(TWO_TO_ONE.template())
                .as("a step with variants reads as its first")
                .isEqualTo("ftc-email-1");
    }

    @Test
    void prospectsAreSharedByWeight() {
        var random = new Random(18_4);
        int n = 4000;
        int a = 0;
        for (int i = 0; i < n; i++) {
            var prospect = new UUID(random.nextLong(), random.nextLong());
            if (TWO_TO_ONE.wordingFor(prospect, "webinar").name().equals("A")) {
                a++;
            }
        }
        // weight 1 of 4: 1000 expected; a binomial's standard deviation here is sqrt(4000 × 0.25 × 0.75) ≈ 27
        assertThat(a).isBetween(1000 - 4 * 27, 1000 + 4 * 27);
    }

    @Test
    void eachStepSplitsOnItsOwn() {
        var random = new Random(7);
        int same = 0;
        int n = 2000;
        var even = new Step(
                4,
                Channel.EMAIL,
                Delay.minutes(10, Delay.Anchor.PREVIOUS),
                Placing.EXACT,
                null,
                List.of(new Wording("A", "ftc-email-2", 1), new Wording("B", "ftc-email-8", 1)),
                null);
        var evenToo = new Step(6, even.channel(), even.delay(), even.placing(), null, even.variants(), null);
        for (int i = 0; i < n; i++) {
            var prospect = new UUID(random.nextLong(), random.nextLong());
            if (even.wordingFor(prospect, "c")
                    .name()
                    .equals(evenToo.wordingFor(prospect, "c").name())) {
                same++;
            }
        }
        // independent even splits agree half the time: 1000 ± 4 × sqrt(2000 × 0.25) ≈ 89
        assertThat(same).isBetween(1000 - 89, 1000 + 89);
    }

    @Test
    void aStepWithOneWordingHasItsTemplate() {
        var plain = new Step(1, Channel.CALL, Delay.minutes(0, Delay.Anchor.START), Placing.LEGAL, "ftc-voicemail-1");
        var wording = plain.wordingFor(UUID.randomUUID(), "first-time-calls");
        assertThat(wording.name()).isNull();
        assertThat(wording.template()).isEqualTo("ftc-voicemail-1");
        assertThat(plain.variants()).isEmpty();
        assertThat(plain.reviewed()).isFalse();
    }
}
