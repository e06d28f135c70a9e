package org.followthrough.cadence.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.followthrough.cadence.Channel;
import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void stepsLieOnTheDayAxisInProportionToWhenTheyHappenAndWeekendsAreMarked() {
        var monday = OffsetDateTime.parse("2026-08-17T00:00:00-04:00");
        var preview = new CadencePreviews.Preview(
                "test",
                "America/New_York",
                List.of(
                        new CadencePreviews.PreviewStep(1, Channel.CALL, "FTC #1", monday.withHour(12), "a"),
                        new CadencePreviews.PreviewStep(
                                2, Channel.EMAIL, null, monday.plusDays(9).withHour(12), "b")),
                new CadencePreviews.PreviewEnd("NURTURE", monday.plusDays(9).withHour(12)));

        var timeline = Timeline.of(preview);

        assertThat(timeline.days()).isEqualTo(10);
        assertThat(timeline.rows()).extracting(Timeline.Row::x).containsExactly(50, 950);
        assertThat(timeline.rows()).extracting(Timeline.Row::label).containsExactly("FTC #1", "Email");
        assertThat(timeline.rows().get(1).day()).isEqualTo("Wed 26 Aug");
        assertThat(timeline.ticks())
                .filteredOn(Timeline.Tick::weekend)
                .extracting(Timeline.Tick::label)
                .containsExactly("22 Aug", "23 Aug");
        assertThat(timeline.endAt()).isEqualTo("Wed 26 Aug, 12:00");
    }
}
