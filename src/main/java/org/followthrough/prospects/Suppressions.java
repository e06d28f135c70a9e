package org.followthrough.prospects;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What remains of erased people: SHA-256 hashes of their email and phone, never the values, so
 * FollowThrough can recognise them without knowing who they were.
 */
@Service
public class Suppressions {

    /** One erased person, as an administrator sees it. */
    public record Suppression(UUID id, boolean email, boolean phone, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Suppressions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** When the person with this email or phone was erased, if they were. */
    Optional<Instant> suppressedSince(String email, String phoneE164) {
        if (email == null && phoneE164 == null) {
            return Optional.empty();
        }
        var since = jdbc.sql("select min(created_at) as since from suppressions where email_hash = ? or phone_hash = ?")
                .params(hash("email", email), hash("phone", phoneE164))
                .query((rs, i) -> Optional.ofNullable(Sql.instant(rs, "since")))
                .list();
        return since.isEmpty() ? Optional.empty() : since.get(0);
    }

    /** The hashes among these that are suppressed, for checking a batch of imported rows at once. */
    Set<String> suppressedOf(Collection<String> hashes) {
        var found = new HashSet<String>();
        if (hashes.isEmpty() || !any()) {
            return found;
        }
        var values = hashes.toArray();
        jdbc.sql("select email_hash, phone_hash from suppressions where email_hash = any(?) or phone_hash = any(?)")
                .params(array(values), array(values))
                .query(rs -> {
                    found.add(rs.getString(1));
                    found.add(rs.getString(2));
                });
        found.retainAll(hashes);
        return found;
    }

    boolean any() {
        return jdbc.sql("select count(*) from suppressions").query(Long.class).single() > 0;
    }

    private static Object array(Object[] values) {
        return new org.springframework.jdbc.core.SqlTypeValue() {
            @Override
            public void setTypeValue(java.sql.PreparedStatement ps, int index, int sqlType, String typeName)
                    throws java.sql.SQLException {
                ps.setArray(index, ps.getConnection().createArrayOf("varchar", values));
            }
        };
    }

    void add(String email, String phoneE164, UUID by) {
        jdbc.sql("insert into suppressions (id, email_hash, phone_hash, created_at, created_by) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), hash("email", email), hash("phone", phoneE164), Sql.ts(clock.instant()), by)
                .update();
    }

    public List<Suppression> list() {
        return jdbc.sql("select * from suppressions order by created_at desc")
                .query((rs, i) -> new Suppression(
                        Sql.uuid(rs, "id"),
                        rs.getString("email_hash") != null,
                        rs.getString("phone_hash") != null,
                        Sql.instant(rs, "created_at")))
                .list();
    }

    public boolean lift(UUID id) {
        return jdbc.sql("delete from suppressions where id = ?").param(id).update() > 0;
    }

    /** Lifts the suppression of whoever had this email or phone; the number of entries lifted. */
    public int liftFor(String email, String phoneE164) {
        return jdbc.sql("delete from suppressions where email_hash = ? or phone_hash = ?")
                .params(hash("email", email), hash("phone", phoneE164))
                .update();
    }

    static String hash(String kind, String value) {
        if (value == null) {
            return null;
        }
        try {
            var digest =
                    MessageDigest.getInstance("SHA-256").digest((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
