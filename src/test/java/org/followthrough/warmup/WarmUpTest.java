package org.followthrough.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import org.followthrough.ApplicationTest;
import org.followthrough.prospects.ProspectFields;
import org.followthrough.prospects.Prospects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The warm-up goes through what a first inquiry needs (a person checked as an inquiry's is, with the
 * zone and place their phone gives, and the first-time-call plan) for every country it warms, and what
 * every inquiry goes through (a webhook signature, a new id, a queue read), and leaves nothing behind: no
 * prospect, no account.
 */
@ApplicationTest
class WarmUpTest {

    @Autowired
    WarmUp warmUp;

    @Autowired
    Prospects prospects;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyRoundGoesThroughAndNothingIsStored() {
        var before = counts();

        int done = warmUp.warm();

        assertThat(done)
                .as("seven countries and the parts every inquiry goes through, each round")
                .isEqualTo(WarmUp.ROUNDS * (7 + 1));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void theCheckSaysWhetherAPersonWouldBeTaken() {
        assertThat(prospects.wouldTake(new ProspectFields(
                        "Ada Example",
                        null,
                        "ada@example.com",
                        "+49 30 1234567",
                        null,
                        null,
                        null,
                        "DE",
                        null,
                        null,
                        null,
                        null,
                        null)))
                .isTrue();
        // nobody to reach: no email and no phone that is a number
        assertThat(prospects.wouldTake(new ProspectFields(
                        "Ada Example", null, null, "12", null, null, null, "DE", null, null, null, null, null)))
                .isFalse();
    }

    private String counts() {
        return jdbc.queryForObject(
                "select (select count(*) from prospects) || '/' || (select count(*) from accounts)", String.class);
    }
}
