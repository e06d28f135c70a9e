package org.followthrough.team;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Nullable;
import org.followthrough.common.PlainText;
import org.followthrough.common.Refusal;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Personal API tokens. The secret is shown once when created; only its SHA-256 is stored (a token
 * has 256 random bits, so a fast hash is safe and lets a request find its token in one lookup).
 */
@Service
public class ApiTokens {

    /** A token as listed to its owner: never the secret. */
    public record TokenView(
            UUID id,
            String name,
            String prefix,
            Instant createdAt,
            @Nullable Instant expiresAt,
            @Nullable Instant lastUsedAt,
            @Nullable Instant revokedAt) {}

    /** A newly created token, with the secret that is shown only this once. */
    public record CreatedToken(
            UUID id, String name, String token, String prefix, Instant createdAt, @Nullable Instant expiresAt) {}

    private record Presented(UUID id, Instant lastUsedAt, Actor owner) {}

    static final String PREFIX = "ft_";
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public CreatedToken create(Actor owner, String name, Instant expiresAt) {
        var now = clock.instant();
        var problems = new InvalidInput.Collector();
        if (PlainText.hasControlCharacters(name)) {
            problems.add("name", PlainText.CONTROL_CHARACTER);
        } else if (name == null || name.isBlank() || name.length() > 100) {
            problems.add(
                    "name",
                    "is required (at most 100 characters): say where the token is used, such as 'website form'");
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            problems.add("expiresAt", "must be in the future");
        }
        problems.throwIfAny();
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var id = UUID.randomUUID();
        var prefix = secret.substring(0, 11);
        jdbc.sql(
                        "insert into api_tokens (id, member_id, name, token_hash, prefix, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, owner.id(), name.trim(), hash(secret), prefix, Sql.ts(now), Sql.ts(expiresAt))
                .update();
        return new CreatedToken(id, name.trim(), secret, prefix, now, expiresAt);
    }

    public List<TokenView> of(Actor owner) {
        return jdbc.sql(
                        "select id, name, prefix, created_at, expires_at, last_used_at, revoked_at from api_tokens where member_id = ? order by created_at desc")
                .param(owner.id())
                .query((rs, n) -> new TokenView(
                        Sql.uuid(rs, "id"),
                        rs.getString("name"),
                        rs.getString("prefix"),
                        Sql.instant(rs, "created_at"),
                        Sql.instant(rs, "expires_at"),
                        Sql.instant(rs, "last_used_at"),
                        Sql.instant(rs, "revoked_at")))
                .list();
    }

    /** Revokes one of the caller's tokens (admins may revoke anyone's). Revoking twice is harmless. */
    public void revoke(Actor actor, UUID tokenId) {
        var owner = jdbc.sql("select member_id from api_tokens where id = ?")
                .param(tokenId)
                .query(UUID.class)
                .optional();
        if (owner.isEmpty() || !(owner.get().equals(actor.id()) || actor.isAdmin())) {
            throw Refusal.notFound("API token", tokenId);
        }
        jdbc.sql("update api_tokens set revoked_at = ? where id = ? and revoked_at is null")
                .params(Sql.ts(clock.instant()), tokenId)
                .update();
    }

    /** The member a presented token belongs to, when it is known, not revoked and not expired. */
    Optional<Actor> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        var now = clock.instant();
        var found = jdbc.sql(
                        """
                select t.id as token_id, t.last_used_at, m.id, m.email, m.full_name, m.role, m.time_zone
                from api_tokens t join members m on m.id = t.member_id
                where t.token_hash = ? and t.revoked_at is null and (t.expires_at is null or t.expires_at > ?) and m.active""")
                .params(hash(presented), Sql.ts(now))
                .query((rs, n) -> new Presented(
                        Sql.uuid(rs, "token_id"),
                        Sql.instant(rs, "last_used_at"),
                        new Actor(
                                Sql.uuid(rs, "id"),
                                rs.getString("email"),
                                rs.getString("full_name"),
                                Role.valueOf(rs.getString("role")),
                                ZoneId.of(rs.getString("time_zone")))))
                .optional();
        found.ifPresent(token -> touch(token.id(), token.lastUsedAt(), now));
        return found.map(Presented::owner);
    }

    private void touch(UUID tokenId, Instant lastUsed, Instant now) {
        if (lastUsed == null || lastUsed.plus(LAST_USED_PRECISION).isBefore(now)) {
            jdbc.sql("update api_tokens set last_used_at = ? where id = ?")
                    .params(Sql.ts(now), tokenId)
                    .update();
        }
    }

    static String hash(String secret) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
