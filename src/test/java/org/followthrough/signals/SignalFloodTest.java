package org.followthrough.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.SignalSender;
import org.followthrough.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** A flood from one source is slowed with 429 and Retry-After; every signal accepted before is kept. */
@ApplicationTest
@TestPropertySource(properties = {"followthrough.signals.flood.per-second=2", "followthrough.signals.flood.burst=10"})
class SignalFloodTest {

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Value("${local.server.port}")
    int port;

    @Test
    void aFloodIsSlowedWithRetryAfterAndNothingAcceptedIsLost() throws Exception {
        var sender = new SignalSender(port, clock);
        var accepted = new ArrayList<String>();
        var refused = new ArrayList<java.net.http.HttpResponse<String>>();
        for (int i = 0; i < 30; i++) {
            var id = "flood-" + UUID.randomUUID();
            var response = sender.post(
                    """
                    {"id":"%s","type":"PAGE_VIEW","occurredAt":"%s","domain":"flood.example","url":"https://flood.example/"}"""
                            .formatted(id, clock.instant()));
            if (response.statusCode() == 202) {
                accepted.add(id);
            } else {
                refused.add(response);
            }
        }

        assertThat(accepted).hasSizeBetween(10, 14);
        assertThat(refused).isNotEmpty().allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(r.body()).contains("signals already accepted are kept");
        });
        for (var id : accepted) {
            assertThat(SignalWebhookTest.storedUnder(jdbc, id))
                    .as("accepted %s is stored", id)
                    .isEqualTo(1);
        }

        Thread.sleep(1_000);
        var later = sender.post(
                """
                {"id":"flood-%s","type":"PAGE_VIEW","occurredAt":"%s","domain":"flood.example"}"""
                        .formatted(UUID.randomUUID(), clock.instant()));
        assertThat(later.statusCode())
                .as("after Retry-After the source is heard again")
                .isEqualTo(202);
    }
}
