package org.followthrough.team;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The members table, including the password hashes that never leave this module. */
@Repository
class Members {

    /** A member with what sign-in needs to know. */
    record Credentials(Member member, String passwordHash) {}

    private static final String COLUMNS = "id, email, full_name, role, phone, time_zone, active, password_hash";

    private final JdbcClient jdbc;

    Members(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Credentials> credentialsByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from members where email = ?")
                .param(normalise(email))
                .query(Members::credentials)
                .optional();
    }

    Optional<Member> byEmail(String email) {
        return credentialsByEmail(email).map(Credentials::member);
    }

    Optional<Member> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from members where id = ?")
                .param(id)
                .query(Members::credentials)
                .optional()
                .map(Credentials::member);
    }

    List<Member> all() {
        return jdbc
                .sql("select " + COLUMNS + " from members order by full_name")
                .query(Members::credentials)
                .list()
                .stream()
                .map(Credentials::member)
                .toList();
    }

    List<Member> activeWithRole(Role role) {
        return jdbc
                .sql("select " + COLUMNS + " from members where role = ? and active order by created_at, id")
                .param(role.name())
                .query(Members::credentials)
                .list()
                .stream()
                .map(Credentials::member)
                .toList();
    }

    boolean exists(String email) {
        return jdbc.sql("select count(*) from members where email = ?")
                        .param(normalise(email))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    long count() {
        return jdbc.sql("select count(*) from members").query(Long.class).single();
    }

    /** Whether a member was active and now is not; their sign-in and tokens stop working. */
    boolean deactivate(UUID id) {
        return jdbc.sql("update members set active = false where id = ? and active")
                        .param(id)
                        .update()
                > 0;
    }

    void insert(Member member, String passwordHash, Instant now) {
        jdbc.sql(
                        """
                insert into members (id, email, full_name, role, password_hash, phone, time_zone, active, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        member.id(),
                        normalise(member.email()),
                        member.fullName(),
                        member.role().name(),
                        passwordHash,
                        member.phone(),
                        member.timeZone().getId(),
                        member.active(),
                        Sql.ts(now))
                .update();
    }

    void changeDetails(UUID id, String fullName, String phone, ZoneId timeZone) {
        jdbc.sql("update members set full_name = ?, phone = ?, time_zone = ? where id = ?")
                .params(fullName, phone, timeZone.getId(), id)
                .update();
    }

    void changeRole(UUID id, Role role) {
        jdbc.sql("update members set role = ? where id = ?")
                .params(role.name(), id)
                .update();
    }

    void reactivate(UUID id) {
        jdbc.sql("update members set active = true where id = ?").param(id).update();
    }

    void changePassword(UUID id, String passwordHash) {
        jdbc.sql("update members set password_hash = ? where id = ?")
                .params(passwordHash, id)
                .update();
    }

    Optional<String> passwordHash(UUID id) {
        return jdbc.sql("select password_hash from members where id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    boolean emailAlerts(UUID id) {
        return jdbc.sql("select email_alerts from members where id = ?")
                .param(id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void changeEmailAlerts(UUID id, boolean wanted) {
        jdbc.sql("update members set email_alerts = ? where id = ?")
                .params(wanted, id)
                .update();
    }

    boolean isActive(UUID id) {
        return jdbc.sql("select count(*) from members where id = ? and active")
                        .param(id)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    static String normalise(String email) {
        return email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static Credentials credentials(ResultSet rs, int row) throws SQLException {
        var member = new Member(
                Sql.uuid(rs, "id"),
                rs.getString("email"),
                rs.getString("full_name"),
                Role.valueOf(rs.getString("role")),
                rs.getString("phone"),
                ZoneId.of(rs.getString("time_zone")),
                rs.getBoolean("active"));
        return new Credentials(member, rs.getString("password_hash"));
    }
}
