package org.followthrough.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;
import org.followthrough.calendar.CallCalendar;
import org.followthrough.common.Sql;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sending mailbox's caps on automated email, on a small limit: 20 a day over business hours of
 * ten hours is 2 an hour; a burst waits for the hour to pass, a full day for the oldest email of the
 * last 24 hours to leave them; one-to-one email is never held.
 */
class MailboxCapsTest {

    static final Instant NOW = Instant.parse("2026-09-01T15:00:00Z");

    JdbcClient jdbc;
    SendWindows windows;

    @BeforeEach
    void anEmptyOutbox() {
        var data = new JdbcDataSource();
        data.setURL("jdbc:h2:mem:caps-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(data);
        jdbc.sql("create table outbox (id uuid primary key, prospect_id uuid, bulk boolean not null,"
                        + " status varchar(20) not null, sent_at timestamp with time zone)")
                .update();
        var beans = new DefaultListableBeanFactory();
        windows = new SendWindows(
                jdbc,
                new SendWindowSettings(LocalTime.of(8, 0), LocalTime.of(18, 0), 1, 20),
                beans.getBeanProvider(RecipientPlaces.class),
                beans.getBeanProvider(CallCalendar.class));
    }

    @Test
    void aBurstWaitsUntilTheHoursShareOfTheDailyLimitIsFreeAgain() {
        sentAgo(Duration.ofMinutes(50));
        assertThat(windows.hold(UUID.randomUUID(), true, null, NOW, true)).isEmpty();
        sentAgo(Duration.ofMinutes(10));

        var hold = windows.hold(UUID.randomUUID(), true, null, NOW, true).orElseThrow();
        assertThat(hold.notBefore()).isEqualTo(NOW.plus(Duration.ofMinutes(10)).plusMillis(1));
        assertThat(hold.reason()).endsWith("spread over the day: 2 automated emails an hour at most");
        assertThat(windows.hold(UUID.randomUUID(), false, null, NOW, true))
                .as("one-to-one email is never held")
                .isEmpty();
    }

    @Test
    void aFullDayWaitsForTheOldestOfTheLast24HoursToLeaveThem() {
        for (int hour = 23; hour >= 4; hour--) {
            sentAgo(Duration.ofHours(hour));
        }
        var hold = windows.hold(UUID.randomUUID(), true, null, NOW, true).orElseThrow();
        assertThat(hold.notBefore()).isEqualTo(NOW.plus(Duration.ofHours(1)).plusMillis(1));
        assertThat(hold.reason()).endsWith("the mailbox's limit of 20 automated emails a day is reached");
    }

    @Test
    void theProspectsOwnDayIsCappedAtOne() {
        var prospect = UUID.randomUUID();
        jdbc.sql("insert into outbox (id, prospect_id, bulk, status, sent_at) values (?, ?, true, 'SENT', ?)")
                .params(UUID.randomUUID(), prospect, Sql.ts(NOW.minus(Duration.ofHours(1))))
                .update();
        var hold = windows.hold(prospect, true, null, NOW, true).orElseThrow();
        assertThat(hold.notBefore()).isEqualTo(Instant.parse("2026-09-02T00:00:00Z"));
        assertThat(hold.reason())
                .isEqualTo("goes at 00:00 Wed 2 Sep UTC: one automated email a day, and today's went already");
    }

    private void sentAgo(Duration ago) {
        jdbc.sql("insert into outbox (id, prospect_id, bulk, status, sent_at) values (?, ?, true, 'SENT', ?)")
                .params(UUID.randomUUID(), UUID.randomUUID(), Sql.ts(NOW.minus(ago)))
                .update();
    }
}
