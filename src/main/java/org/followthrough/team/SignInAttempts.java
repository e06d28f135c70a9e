package org.followthrough.team;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The failed sign-ins of each email tried, known to the team or not. An attempt is counted as failed
 * before the password is checked, by a compare-and-set on the row, so attempts sent side by side are
 * counted one by one and each is held to the {@link SignInThrottle} as it stood: a burst of parallel
 * guesses gets no more tries than guesses sent one after another. A right password clears the count.
 */
@Repository
class SignInAttempts {

    /** Rows of emails nobody has tried for this long are forgotten. */
    static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

    private record Standing(int failures, long version, Instant lastFailedAt, Instant lockedUntil) {}

    /** Why an attempt must wait: until when, and whether because the email is locked. */
    record Wait(Instant until, boolean locked) {}

    private final JdbcClient jdbc;

    SignInAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts an attempt for this email, or, when it must wait, says until when (and counts nothing). */
    Optional<Wait> take(String email, Instant now, SignInThrottle throttle) {
        var key = key(email);
        for (int tries = 0; tries < 100; tries++) {
            var standing = standing(key);
            if (standing.isEmpty()) {
                if (firstFailure(key, now)) {
                    return Optional.empty();
                }
                continue;
            }
            var s = standing.get();
            var blocked = throttle.blockedUntil(s.failures(), s.lastFailedAt(), s.lockedUntil(), now);
            if (blocked.isPresent()) {
                return Optional.of(new Wait(blocked.get(), blocked.get().equals(s.lockedUntil())));
            }
            // a lock that has ended starts the count over
            int failures = (s.lockedUntil() != null ? 0 : s.failures()) + 1;
            var lockedUntil = failures >= throttle.lockAfter() ? now.plus(throttle.lockFor()) : null;
            int counted = jdbc.sql(
                            """
                    update sign_in_attempts set failures = ?, version = version + 1, last_failed_at = ?,
                        locked_until = ? where email_hash = ? and version = ?""")
                    .params(failures, Sql.ts(now), Sql.ts(lockedUntil), key, s.version())
                    .update();
            if (counted == 1) {
                return Optional.empty();
            }
            // another attempt was counted meanwhile: judge this one by the count it left
        }
        return Optional.of(new Wait(now.plusSeconds(1), false));
    }

    /** A right password from a source: the try it was counted as no longer counts, the others still do. */
    void forgiveOne(String key) {
        jdbc.sql("update sign_in_attempts set failures = failures - 1, version = version + 1 where email_hash = ?"
                        + " and failures > 0 and locked_until is null")
                .param(key(key))
                .update();
    }

    /** The password was right: the attempts before it no longer count. */
    void succeeded(String email) {
        jdbc.sql("delete from sign_in_attempts where email_hash = ?")
                .param(key(email))
                .update();
    }

    private boolean firstFailure(String key, Instant now) {
        jdbc.sql("delete from sign_in_attempts where last_failed_at < ? and (locked_until is null or locked_until < ?)")
                .params(Sql.ts(now.minus(FORGOTTEN_AFTER)), Sql.ts(now))
                .update();
        return jdbc.sql(
                                """
                insert into sign_in_attempts (email_hash, failures, version, last_failed_at) values (?, 1, 1, ?)
                on conflict do nothing""")
                        .params(key, Sql.ts(now))
                        .update()
                == 1;
    }

    private Optional<Standing> standing(String key) {
        return jdbc.sql(
                        "select failures, version, last_failed_at, locked_until from sign_in_attempts where email_hash = ?")
                .param(key)
                .query((rs, i) -> new Standing(
                        rs.getInt("failures"),
                        rs.getLong("version"),
                        Sql.instant(rs, "last_failed_at"),
                        Sql.instant(rs, "locked_until")))
                .optional();
    }

    private static String key(String email) {
        var normalised = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
