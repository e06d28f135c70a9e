package org.followthrough.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The day an out-of-office reply says its writer is back, as people write it. */
class ReturnDatesTest {

    final LocalDate received = LocalDate.of(2026, 12, 7);

    @Test
    void aReturnDayWrittenInTheUsualWaysIsRead() {
        assertThat(ReturnDates.in("I am out of the office and will be back on March 3rd.", received))
                .contains(LocalDate.of(2027, 3, 3));
        assertThat(ReturnDates.in("Returning Monday, 15 March 2027. For urgent matters call Sam.", received))
                .contains(LocalDate.of(2027, 3, 15));
        assertThat(ReturnDates.in("Automatic reply: out until 2026-12-14", received))
                .contains(LocalDate.of(2026, 12, 14));
        assertThat(ReturnDates.in("I'm on leave from December 8 until Jan. 4, 2027.", received))
                .contains(LocalDate.of(2027, 1, 4));
    }

    @Test
    void outThroughADayMeansBackTheDayAfter() {
        assertThat(ReturnDates.in("I am out of the office through Friday, December 18th.", received))
                .contains(LocalDate.of(2026, 12, 19));
    }

    @Test
    void aReplyWithoutAReturnDayOrWithADayPastOrFarOffGivesNone() {
        assertThat(ReturnDates.in("I am out of the office with limited access to email.", received))
                .isEmpty();
        assertThat(ReturnDates.in("Back Monday.", received)).isEmpty();
        assertThat(ReturnDates.in("I was back on 2026-11-30.", received)).isEmpty();
        assertThat(ReturnDates.in("Back on 2029-01-01, on sabbatical.", received))
                .isEmpty();
        assertThat(ReturnDates.in("Our office moved on 3 March.", received))
                .as("no cue word")
                .isEmpty();
        assertThat(ReturnDates.in(null, received)).isEmpty();
    }
}
