package org.followthrough.common;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database is out of reach (stopped, restarting, the network to it down, or no connection free
 * within the pool's connection timeout): every layer answers 503 with {@code Retry-After} as problem
 * details, so a client knows to send the request again, and never a 500, a 401 or the driver's message.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before sending the request again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    static final String TITLE = "Database unavailable";
    static final String DETAIL = "FollowThrough cannot reach its database just now; send the request again in "
            + RETRY_AFTER_SECONDS + " seconds.";

    private DatabaseUnavailable() {}

    /**
     * Whether this failure, or one of its causes, is the database being out of reach rather than a fault
     * of the request or of FollowThrough: the pool timed out, a connection could not be opened or was cut,
     * or the server is shutting down or starting (SQLSTATE class 08, 57P01–57P03).
     */
    public static boolean isCause(Throwable failure) {
        return isCause(failure, new java.util.IdentityHashMap<>());
    }

    private static boolean isCause(Throwable failure, java.util.IdentityHashMap<Throwable, Boolean> seen) {
        for (var t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            // a rollback that failed on a connection already cut: what made it roll back says why
            if (t instanceof TransactionSystemException rollback
                    && rollback.getApplicationException() != null
                    && isCause(rollback.getApplicationException(), seen)) {
                return true;
            }
            // the pool's answer on a connection it already knows to be cut
            if (t instanceof SQLException closed && "Connection is closed".equals(closed.getMessage())) {
                return true;
            }
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && connectionLost(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean connectionLost(String state) {
        return state != null
                && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }

    /** The problem details of the answer. */
    public static ProblemDetail problem() {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        problem.setTitle(TITLE);
        problem.setProperty("retryAfterSeconds", RETRY_AFTER_SECONDS);
        return problem;
    }

    /** The answer, with its {@code Retry-After}. */
    public static ResponseEntity<ProblemDetail> answer() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS))
                .body(problem());
    }

    /** Writes the answer straight to a response nothing has been written to yet (a filter's). */
    public static void write(HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + TITLE + "\",\"status\":503,\"detail\":\"" + DETAIL
                        + "\",\"retryAfterSeconds\":" + RETRY_AFTER_SECONDS + "}");
    }
}
