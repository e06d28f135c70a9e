package org.followthrough.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import db.migration.V22_1__count_past_calls_by_hour;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.calls.EngineApi;
import org.followthrough.team.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Calls are counted by the prospect's local weekday and hour and the FTC attempt as they are logged,
 * and the migration that counted the calls logged before counts them the same way.
 */
@ApplicationTest
class CallHoursTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestClock clock;

    @Autowired
    CallHours hours;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transaction;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aCallCountsAtTheProspectsLocalHourEvenAQuarterOffTheClockAndByItsAttempt() {
        var rep = logTwoCallsToKathmandu();

        assertThat(hours.between(clock.instant().minusSeconds(86_400), clock.instant(), rep.id()))
                .containsExactlyInAnyOrder(
                        new CallHours.Count(DayOfWeek.THURSDAY, 11, 1, 1, 0),
                        new CallHours.Count(DayOfWeek.THURSDAY, 11, 2, 1, 1));
        assertThat(hours.between(
                        clock.instant().minusSeconds(86_400), clock.instant().minusSeconds(3_600), rep.id()))
                .as("up to 05:15 UTC: the 05:30 call (11:15 local), not the 06:05 one")
                .containsExactly(new CallHours.Count(DayOfWeek.THURSDAY, 11, 1, 1, 0));
    }

    @Test
    void aCallIsCountedUnderItsAttemptAnAppointmentCallApart() {
        assertThat(CallHours.attempt("FTC #3")).isEqualTo(3);
        assertThat(CallHours.attempt("Follow-up #2")).isZero();
        assertThat(CallHours.attempt("Appointment")).isEqualTo(CallHours.APPOINTMENT);
        assertThat(CallHours.attempt("FTC #99999"))
                .as("beyond what the column holds: not a real attempt")
                .isZero();
        assertThat(CallHours.attempt(null)).isZero();
    }

    @Test
    void theMigrationCountsPastCallsAsLoggingThemDid() {
        var rep = logTwoCallsToKathmandu();
        var from = clock.instant().minusSeconds(86_400);
        var logged = hours.between(from, clock.instant(), rep.id());

        List<CallHours.Count> recounted = transaction.execute(status -> {
            status.setRollbackOnly();
            var connection = DataSourceUtils.getConnection(dataSource);
            try (var statement = connection.createStatement()) {
                statement.execute("delete from call_hours");
                new V22_1__count_past_calls_by_hour().migrate(context(connection));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return hours.between(from, clock.instant(), rep.id());
        });

        assertThat(recounted).hasSize(2).containsExactlyInAnyOrderElementsOf(logged);
    }

    /** Two calls at 11:15 and 11:50 on a Thursday in Kathmandu (UTC+05:45), the second connecting. */
    private Member logTwoCallsToKathmandu() {
        var kathmandu = ZoneId.of("Asia/Kathmandu");
        clock.set(ZonedDateTime.of(2026, 8, 20, 12, 0, 0, 0, kathmandu).toInstant());
        var rep = given.rep();
        var prospect = given.prospect(rep, "+977 1-4411111", "NP");
        assertThat(prospect.timeZone().getRules()).isEqualTo(kathmandu.getRules());
        var api = new EngineApi(mvc, given, json);
        assertThat(api.log(rep, prospect, "{\"outcome\":\"NO_ANSWER\",\"at\":\"2026-08-20T11:15:00+05:45\"}"))
                .hasStatus(HttpStatus.CREATED);
        assertThat(
                        api.log(
                                rep,
                                prospect,
                                "{\"outcome\":\"CONNECTED\",\"at\":\"2026-08-20T11:50:00+05:45\",\"nextStep\":{\"stage\":\"WON\"}}"))
                .hasStatus(HttpStatus.CREATED);
        return rep;
    }

    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }
}
