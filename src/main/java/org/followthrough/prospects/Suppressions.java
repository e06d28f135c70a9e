package org.followthrough.prospects;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What remains of erased people: keyed hashes (HMAC-SHA256 under a key only this installation has) of
 * their email and phone, never the values, so FollowThrough can recognise them without knowing who they
 * were, and nobody holding the table can find a phone number by hashing every possible one. Entries from
 * before the key are plain SHA-256 and are still recognised.
 */
@Service
public class Suppressions {

    /** One erased person, as an administrator sees it. */
    public record Suppression(UUID id, boolean email, boolean phone, Instant createdAt) {}

    /** Which forms of entry the table holds, read once per batch of imported rows. */
    record Present(boolean any, boolean unkeyed) {}

    static final String KEY_NAME = "suppressions";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile ThreadLocal<Mac> macs;

    Suppressions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** When the person with this email or phone was erased, if they were. */
    Optional<Instant> suppressedSince(String email, String phoneE164) {
        if (email == null && phoneE164 == null) {
            return Optional.empty();
        }
        var since = jdbc.sql(
                        """
                select min(created_at) as since from suppressions
                where email_hash = ? or email_hash = ? or phone_hash = ? or phone_hash = ?""")
                .params(
                        hash("email", email),
                        unkeyed("email", email),
                        hash("phone", phoneE164),
                        unkeyed("phone", phoneE164))
                .query((rs, i) -> Optional.ofNullable(Sql.instant(rs, "since")))
                .list();
        return since.isEmpty() ? Optional.empty() : since.get(0);
    }

    Present present() {
        return jdbc.sql(
                        "select count(*) as entries, count(case when not keyed then 1 end) as unkeyed from suppressions")
                .query((rs, i) -> new Present(rs.getLong("entries") > 0, rs.getLong("unkeyed") > 0))
                .single();
    }

    /** The forms an entry for this value may take: keyed, and unkeyed while old entries remain. */
    List<String> forms(String kind, String value, Present present) {
        if (value == null) {
            return List.of();
        }
        return present.unkeyed() ? List.of(hash(kind, value), unkeyed(kind, value)) : List.of(hash(kind, value));
    }

    /** The hashes among these that are suppressed, for checking a batch of imported rows at once. */
    Set<String> suppressedOf(Collection<String> hashes) {
        var found = new HashSet<String>();
        if (hashes.isEmpty()) {
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
        jdbc.sql(
                        "insert into suppressions (id, email_hash, phone_hash, created_at, created_by, keyed) values (?, ?, ?, ?, ?, true)")
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
        return jdbc.sql(
                        "delete from suppressions where email_hash = ? or email_hash = ? or phone_hash = ? or phone_hash = ?")
                .params(
                        hash("email", email),
                        unkeyed("email", email),
                        hash("phone", phoneE164),
                        unkeyed("phone", phoneE164))
                .update();
    }

    /** HMAC-SHA256 of the value under this installation's key, hex; null for no value. */
    String hash(String kind, String value) {
        if (value == null) {
            return null;
        }
        var mac = macs().get();
        return HexFormat.of().formatHex(mac.doFinal((kind + ":" + value).getBytes(StandardCharsets.UTF_8)));
    }

    /** The plain SHA-256 entries were written with before the key. */
    static String unkeyed(String kind, String value) {
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

    private ThreadLocal<Mac> macs() {
        var current = macs;
        if (current == null) {
            var key = new SecretKeySpec(Base64.getDecoder().decode(key()), "HmacSHA256");
            current = ThreadLocal.withInitial(() -> {
                try {
                    var mac = Mac.getInstance("HmacSHA256");
                    mac.init(key);
                    return mac;
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("every Java has HmacSHA256", e);
                }
            });
            macs = current;
        }
        return current;
    }

    /** The key, created by whichever instance needs it first; every other instance reads the same one. */
    private String key() {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        jdbc.sql("insert into prospect_keys (name, secret) values (?, ?) on conflict do nothing")
                .params(KEY_NAME, Base64.getEncoder().encodeToString(bytes))
                .update();
        return jdbc.sql("select secret from prospect_keys where name = ?")
                .param(KEY_NAME)
                .query(String.class)
                .single();
    }
}
