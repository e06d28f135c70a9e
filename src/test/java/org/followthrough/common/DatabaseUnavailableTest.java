package org.followthrough.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnavailableTest {

    @Test
    void theDatabaseOutOfReachIsRecognisedWhereverItIsInTheChain() {
        // HikariCP's own wording when no connection came within the connection timeout
        var poolTimedOut = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 3000ms.");
        assertThat(DatabaseUnavailable.isCause(new CannotGetJdbcConnectionException("no connection", poolTimedOut)))
                .isTrue();
        assertThat(DatabaseUnavailable.isCause(poolTimedOut)).isTrue();
        assertThat(DatabaseUnavailable.isCause(
                        new ServletException(new CannotCreateTransactionException("no transaction", poolTimedOut))))
                .isTrue();
        // PostgreSQL's SQLSTATE for "terminating connection due to administrator command" and a refused connection
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("terminating", "57P01"))))
                .isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("Connection refused", "08001")))
                .isTrue();
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        assertThat(DatabaseUnavailable.isCause(rollback)).isTrue();
    }

    @Test
    void otherFailuresAreNotTakenForIt() {
        assertThat(DatabaseUnavailable.isCause(new DataIntegrityViolationException("duplicate key")))
                .isFalse();
        assertThat(DatabaseUnavailable.isCause(new SQLException("syntax error", "42601")))
                .isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("bug")))
                .isFalse();
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("bug", "XX000"));
        rollback.initApplicationException(new IllegalStateException("bug"));
        assertThat(DatabaseUnavailable.isCause(rollback)).isFalse();
    }

    @Test
    void anApiRequestThatFailedOnTheDatabaseIsAnswered503WithRetryAfterAsProblemDetails() throws Exception {
        var response = new MockHttpServletResponse();
        new DatabaseOutage().doFilter(new MockHttpServletRequest("GET", "/api/v1/queue"), response, (req, res) -> {
            throw new CannotGetJdbcConnectionException(
                    "Failed to obtain JDBC Connection", new SQLTransientConnectionException("timed out"));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After"))
                .isEqualTo(String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString())
                .contains("\"status\":503", "\"title\":\"Database unavailable\"")
                .doesNotContain("JDBC", "timed out");
    }

    @Test
    void otherFailuresPassThroughTheFilterUnchanged() {
        var failure = new IllegalStateException("bug");
        assertThatThrownBy(() -> new DatabaseOutage()
                        .doFilter(
                                new MockHttpServletRequest("GET", "/api/v1/queue"),
                                new MockHttpServletResponse(),
                                (req, res) -> {
                                    throw failure;
                                }))
                .isSameAs(failure);
    }

    @Test
    void theControllersAdviceAnswers503TooAndNever500() {
        var answer = Problems.unexpected(new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction", new SQLTransientConnectionException("timed out")));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody().getDetail()).doesNotContain("JDBC");
    }
}
