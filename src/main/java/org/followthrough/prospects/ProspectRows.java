package org.followthrough.prospects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The prospects table, read with their account's name, domain and industry. */
@Repository
class ProspectRows {

    static final String SELECT =
            """
            select p.*, a.name as company, a.domain as company_domain, a.industry as industry
            from prospects p left join accounts a on a.id = p.account_id
            """;

    private final JdbcClient jdbc;
    private final org.followthrough.common.ManyValues many;
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    ProspectRows(
            JdbcClient jdbc,
            org.followthrough.common.ManyValues many,
            org.springframework.jdbc.core.JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.many = many;
        this.batch = batch;
    }

    Optional<Prospect> byId(UUID id) {
        return jdbc.sql(SELECT + " where p.id = ?")
                .param(id)
                .query(ProspectRows::map)
                .optional();
    }

    /** Locks the prospect's row until the caller's transaction ends, so work on one person runs one at a time. */
    Optional<Prospect> byIdLocked(UUID id) {
        var locked = jdbc.sql("select id from prospects where id = ? for update")
                .param(id)
                .query(UUID.class)
                .optional();
        return locked.isEmpty() ? Optional.empty() : byId(id);
    }

    List<Prospect> byIds(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        return jdbc.sql(SELECT + " where p.id in (" + marks + ")")
                .params(new ArrayList<Object>(ids))
                .query(ProspectRows::map)
                .list();
    }

    Optional<Prospect> byEmail(String email) {
        return jdbc.sql(SELECT + " where p.email = ?")
                .param(email)
                .query(ProspectRows::map)
                .optional();
    }

    List<Prospect> createdByImport(UUID importId, UUID after, int limit) {
        return jdbc.sql(SELECT + " where p.import_id = ? and p.id > ? order by p.id fetch first " + limit
                        + " rows only")
                .params(importId, after == null ? new UUID(0, 0) : after)
                .query(ProspectRows::map)
                .list();
    }

    java.util.Map<String, Prospect> byEmails(java.util.Collection<String> emails) {
        var found = new java.util.HashMap<String, Prospect>();
        many.query(SELECT + " where p.email = any(?)", "varchar", emails, rs -> {
            var p = map(rs, 0);
            found.put(p.email(), p);
        });
        return found;
    }

    /** Everyone at the account. */
    List<Prospect> atAccount(UUID accountId) {
        return jdbc.sql(SELECT + " where p.account_id = ?")
                .param(accountId)
                .query(ProspectRows::map)
                .list();
    }

    /** Prospects in the given stages, the owner's or everyone's (null), in id order after {@code after}. */
    List<Prospect> inStages(java.util.Set<Stage> stages, UUID ownerId, UUID after, int limit) {
        var marks = String.join(",", java.util.Collections.nCopies(stages.size(), "?"));
        var params = new ArrayList<Object>();
        stages.forEach(stage -> params.add(stage.name()));
        params.add(after == null ? new UUID(0, 0) : after);
        if (ownerId != null) {
            params.add(ownerId);
        }
        return jdbc.sql(SELECT + " where p.stage in (" + marks + ") and p.id > ?"
                        + (ownerId == null ? "" : " and p.owner_id = ?")
                        + " order by p.id fetch first " + limit + " rows only")
                .params(params)
                .query(ProspectRows::map)
                .list();
    }

    /** The account's most recently active prospect: whom a visit from the company's domain concerns. */
    Optional<Prospect> latestAt(UUID accountId) {
        return jdbc.sql(
                        SELECT
                                + " where p.account_id = ? order by p.updated_at desc, p.created_at desc fetch first 1 rows only")
                .param(accountId)
                .query(ProspectRows::map)
                .optional();
    }

    /** A prospect known only by phone, so a row without email still finds its earlier self. */
    Optional<Prospect> byPhoneWithoutEmail(String phoneE164) {
        return jdbc
                .sql(SELECT + " where p.phone_e164 = ? and p.email is null order by p.created_at")
                .param(phoneE164)
                .query(ProspectRows::map)
                .list()
                .stream()
                .findFirst();
    }

    /** The columns an insert writes, in the order of {@link #insertParams}; an import's COPY names them too. */
    static final String COLUMNS =
            """
            id, account_id, owner_id, full_name, title, email, phone_e164, time_zone, time_zone_source, time_zone_note,
                time_zone_candidates, country, region, region_given, decision_role, do_not_call, email_opt_out,
                source, import_id, created_at, updated_at""";

    static final String INSERT = "insert into prospects (" + COLUMNS + ")"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** What the candidates column holds at most: every zone of the country with the most has a third of it. */
    static final int CANDIDATES_LENGTH = 2000;

    void insert(UUID id, Intake.Checked c, UUID accountId, String source, UUID importId, Instant now) {
        jdbc.sql(INSERT)
                .params(insertParams(id, c, accountId, source, importId, now))
                .update();
    }

    static List<Object> insertParams(
            UUID id, Intake.Checked c, UUID accountId, String source, UUID importId, Instant now) {
        var params = new ArrayList<Object>(List.of(id));
        params.add(accountId);
        params.add(c.ownerId());
        params.add(c.fullName());
        params.add(c.title());
        params.add(c.email());
        params.add(c.phoneE164());
        params.add(c.zone().getId());
        params.add(c.zoneSource().name());
        params.add(c.zoneNote());
        params.add(candidates(c.zoneCandidates()));
        params.add(c.country());
        params.add(c.region());
        params.add(c.regionGiven());
        params.add(c.decisionRole().name());
        params.add(c.doNotCall());
        params.add(c.emailOptOut());
        params.add(source);
        params.add(importId);
        params.add(Sql.ts(now));
        params.add(Sql.ts(now));
        return params;
    }

    static final String UPDATE =
            """
            update prospects set account_id = ?, owner_id = ?, full_name = ?, title = ?, email = ?, phone_e164 = ?,
                time_zone = ?, time_zone_source = ?, time_zone_note = ?, time_zone_candidates = ?, country = ?,
                region = ?, region_given = ?, decision_role = ?, do_not_call = ?, email_opt_out = ?, updated_at = ?
            where id = ?""";

    static Object[] updateParams(UUID id, Intake.Checked c, UUID accountId, Instant now) {
        return new Object[] {
            accountId,
            c.ownerId(),
            c.fullName(),
            c.title(),
            c.email(),
            c.phoneE164(),
            c.zone().getId(),
            c.zoneSource().name(),
            c.zoneNote(),
            candidates(c.zoneCandidates()),
            c.country(),
            c.region(),
            c.regionGiven(),
            c.decisionRole().name(),
            c.doNotCall(),
            c.emailOptOut(),
            Sql.ts(now),
            id
        };
    }

    void update(UUID id, Intake.Checked c, UUID accountId, Instant now) {
        jdbc.sql(UPDATE).params(updateParams(id, c, accountId, now)).update();
    }

    /** Many updates as one JDBC batch: each row as {@link #update} writes it. */
    void updateAll(List<Object[]> params) {
        if (!params.isEmpty()) {
            batch.batchUpdate(UPDATE, params);
        }
    }

    int moveTo(UUID id, Stage stage, Instant now) {
        return jdbc.sql("update prospects set stage = ?, updated_at = ? where id = ? and stage <> ?")
                .params(stage.name(), Sql.ts(now), id, stage.name())
                .update();
    }

    int optOutOfEmail(UUID id, Instant now) {
        return jdbc.sql("update prospects set email_opt_out = true, updated_at = ? where id = ? and not email_opt_out")
                .params(Sql.ts(now), id)
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from prospects where id = ?").param(id).update();
    }

    /**
     * The candidates as stored: zone ids separated by spaces, the chosen first; null for a zone that is
     * its own only candidate. Never longer than the column, whatever the data: the chosen zone and as
     * many of the others as fit.
     */
    static String candidates(List<ZoneId> zones) {
        if (zones == null || zones.size() < 2) {
            return null;
        }
        var text = new StringBuilder(zones.get(0).getId());
        for (var zone : zones.subList(1, zones.size())) {
            if (text.length() + 1 + zone.getId().length() <= CANDIDATES_LENGTH) {
                text.append(' ').append(zone.getId());
            }
        }
        return text.toString();
    }

    private static List<ZoneId> candidates(String zone, String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of(ZoneId.of(zone));
        }
        return java.util.Arrays.stream(stored.split(" ")).map(ZoneId::of).toList();
    }

    static Prospect map(ResultSet rs, int row) throws SQLException {
        return new Prospect(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "owner_id"),
                rs.getString("full_name"),
                rs.getString("title"),
                rs.getString("email"),
                rs.getString("phone_e164"),
                ZoneId.of(rs.getString("time_zone")),
                TimeZoneSource.valueOf(rs.getString("time_zone_source")),
                rs.getString("time_zone_note"),
                candidates(rs.getString("time_zone"), rs.getString("time_zone_candidates")),
                rs.getString("country"),
                rs.getString("region"),
                rs.getBoolean("region_given"),
                Sql.uuid(rs, "account_id"),
                rs.getString("company"),
                rs.getString("company_domain"),
                rs.getString("industry"),
                DecisionRole.valueOf(rs.getString("decision_role")),
                Stage.valueOf(rs.getString("stage")),
                rs.getBoolean("do_not_call"),
                rs.getBoolean("email_opt_out"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
