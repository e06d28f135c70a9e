package org.followthrough.prospects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.followthrough.SignalSender.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.SignalSender;
import org.followthrough.TestClock;
import org.followthrough.common.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Erasing a person leaves their email, phone and name nowhere: not in the signals, calls, emails and
 * webhook deliveries about them, not in the stored events between modules (handled or still waiting),
 * not in the rejected rows of an import.
 */
@ApplicationTest
class ErasureLeavesNoTraceTest {

    static final Instant TUESDAY_9AM = ZonedDateTime.of(2026, 8, 18, 9, 0, 0, 0, ZoneId.of("America/New_York"))
            .toInstant();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Value("${local.server.port}")
    int port;

    SignalSender sender;

    @BeforeEach
    void tuesdayMorning() {
        clock.set(TUESDAY_9AM);
        sender = new SignalSender(port, clock);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anErasedPersonsEmailPhoneAndNameAreLeftNowhere() throws Exception {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        var id = prospect.id();
        sender.accepted(signal(
                "INQUIRY",
                prospect,
                ",\"name\":\"" + prospect.fullName() + "\",\"phone\":\"" + prospect.phoneE164()
                        + "\",\"message\":\"Please call me back\""));
        given.settled();
        assertThat(count("select count(*) from tasks where prospect_id = ? and kind = 'INBOUND'", id))
                .as("the inquiry's inbound call")
                .isPositive();
        assertThat(
                        mvc.post()
                                .uri("/api/v1/prospects/" + id + "/calls")
                                .header("Authorization", given.bearer(rep))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"stage\":\"NURTURE\",\"prospectSaidNo\":true}}"))
                .hasStatus(HttpStatus.CREATED);
        sender.accepted(signal("PAGE_VIEW", prospect, ",\"url\":\"https://example.com/pricing\""));
        given.settled();
        assertThat(count("select count(*) from tasks where prospect_id = ? and kind = 'TRIGGER'", id))
                .as("the page view's trigger call")
                .isPositive();
        var importId = rejectedImportRowAbout(rep, prospect);
        assertThat(count("select count(*) from import_errors where import_id = ?", importId))
                .isEqualTo(1);
        failedPublicationAbout(prospect);

        assertThat(mvc.delete().uri("/api/v1/prospects/" + id).header("Authorization", given.bearer(rep)))
                .hasStatus(HttpStatus.NO_CONTENT);

        // listeners still running when the person went finish on their own; what they handled is not kept
        await(() -> mentions(prospect, "event_publication", "serialized_event") == 0 ? true : null);
        assertThat(count("select count(*) from event_publication where serialized_event like ?", like(id)))
                .isZero();
        assertThat(mentions(prospect, "signals", "email", "name", "phone", "company", "message", "url"))
                .isZero();
        for (var table : new String[] {"tasks", "touches", "appointments", "enrolments", "outbox"}) {
            assertThat(count("select count(*) from " + table + " where prospect_id = ?", id))
                    .as(table)
                    .isZero();
        }
        assertThat(mentions(prospect, "tasks", "reason")).isZero();
        assertThat(mentions(prospect, "outbox", "to_name", "to_address", "subject", "body"))
                .isZero();
        assertThat(mentions(prospect, "webhook_deliveries", "payload")).isZero();
        assertThat(mentions(prospect, "import_errors", "message", "email")).isZero();
        assertThat(count("select count(*) from import_errors where import_id = ?", importId))
                .as("the rejected row about them")
                .isZero();
    }

    /** An import row about the person, rejected for its phone: their rejected cell stays with their email. */
    private UUID rejectedImportRowAbout(org.followthrough.team.Member rep, Prospect prospect) throws Exception {
        var csv = "Full Name,Email,Phone\n" + prospect.fullName() + ","
                + prospect.email().toUpperCase(Locale.ROOT) + ",call the front desk\n";
        var started = mvc.post()
                .uri("/api/v1/imports")
                .header("Authorization", given.bearer(rep))
                .contentType(MediaType.parseMediaType("text/csv"))
                .content(csv.getBytes(StandardCharsets.UTF_8))
                .exchange();
        assertThat(started).hasStatus(HttpStatus.ACCEPTED);
        var importId =
                UUID.fromString(started.getResponse().getHeader("Location").substring("/api/v1/imports/".length()));
        await(() -> "RUNNING"
                        .equals(jdbc.sql("select status from imports where id = ?")
                                .param(importId)
                                .query(String.class)
                                .single())
                ? null
                : true);
        return importId;
    }

    /** A publication whose listener failed every time it was handed it: it stays waiting, with their data. */
    private void failedPublicationAbout(Prospect prospect) {
        var event = "{\"signalId\":\"" + UUID.randomUUID() + "\",\"signal\":{\"id\":\"form-" + UUID.randomUUID()
                + "\",\"type\":\"INQUIRY\",\"email\":\"" + prospect.email().toUpperCase(Locale.ROOT)
                + "\",\"name\":\"" + prospect.fullName() + "\",\"phone\":\"" + prospect.phoneE164()
                + "\"},\"match\":{\"how\":\"nothing\"}}";
        jdbc.sql(
                        """
                insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                    completion_attempts)
                values (?, 'org.followthrough.calls.Inquiries.on(org.followthrough.signals.SignalReceived)',
                    'org.followthrough.signals.SignalReceived', ?, ?, 'FAILED', 10)""")
                .params(UUID.randomUUID(), event, Sql.ts(Instant.now().minus(Duration.ofHours(1))))
                .update();
    }

    private long mentions(Prospect p, String table, String... columns) {
        var where = new StringBuilder();
        var params = new java.util.ArrayList<Object>();
        for (var column : columns) {
            for (var value : new String[] {p.email(), p.phoneE164(), p.fullName()}) {
                where.append(where.isEmpty() ? "" : " or ").append("lower(" + column + ") like ?");
                params.add("%" + value.toLowerCase(Locale.ROOT) + "%");
            }
        }
        return jdbc.sql("select count(*) from " + table + " where " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    private long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    private static String like(UUID id) {
        return "%" + id + "%";
    }

    private static String signal(String type, Prospect about, String more) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + TUESDAY_9AM
                + "\",\"email\":\"" + about.email() + "\"" + more + "}";
    }
}
