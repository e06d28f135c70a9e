package org.followthrough.signals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.followthrough.common.ManyValues;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The signals table. A batch is stored with one statement on PostgreSQL ({@code insert … on conflict do
 * nothing returning}, which names exactly the rows that were new) and as one JDBC batch on H2, whose
 * per-row counts say the same.
 */
@Repository
class SignalRows {

    /** A signal ready to be stored. */
    record Row(UUID id, Signal signal, String rawBody, SignalMatch match, Instant receivedAt) {}

    private static final String COLUMNS =
            "id, external_id, type, occurred_at, received_at, email, domain, url, name, phone, company, message,"
                    + " prospect_id, account_id, matched_by, raw_body, country, region, time_zone";
    private static final String ONE_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT =
            "select id, external_id, type, occurred_at, received_at, email, domain, url, name, phone, company,"
                    + " message, prospect_id, account_id, matched_by, country, region, time_zone from signals";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ManyValues many;

    SignalRows(JdbcClient jdbc, JdbcTemplate template, ManyValues many) {
        this.jdbc = jdbc;
        this.template = template;
        this.many = many;
    }

    /** Stores the rows whose sender id is new (each sender id at most once in {@code rows}); their sender ids. */
    Set<String> insertNew(List<Row> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        var stored = new HashSet<String>();
        if (many.postgres()) {
            var sql = "insert into signals (" + COLUMNS + ") values "
                    + String.join(",", Collections.nCopies(rows.size(), ONE_ROW))
                    + " on conflict do nothing returning external_id";
            var params = new ArrayList<Object>(rows.size() * 19);
            rows.forEach(row -> params.addAll(params(row)));
            stored.addAll(jdbc.sql(sql).params(params).query(String.class).list());
            return stored;
        }
        var counts = template.batchUpdate(
                "insert into signals (" + COLUMNS + ") values " + ONE_ROW + " on conflict do nothing",
                rows.stream().map(row -> params(row).toArray()).toList());
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                stored.add(rows.get(i).signal().id());
            }
        }
        return stored;
    }

    private static List<Object> params(Row row) {
        var s = row.signal();
        var params = new ArrayList<Object>(19);
        params.add(row.id());
        params.add(s.id());
        params.add(s.type().name());
        params.add(Sql.ts(s.occurredAt()));
        params.add(Sql.ts(row.receivedAt()));
        params.add(s.email() == null ? null : s.email().toLowerCase(Locale.ROOT));
        params.add(s.domain());
        params.add(s.url());
        params.add(s.name());
        params.add(s.phone());
        params.add(s.company());
        params.add(s.message());
        params.add(row.match().prospectId());
        params.add(row.match().accountId());
        params.add(
                row.match().found() || row.match().accountId() != null
                        ? row.match().how()
                        : null);
        params.add(row.rawBody());
        params.add(s.country());
        params.add(s.region());
        params.add(s.timeZone());
        return params;
    }

    /** FollowThrough's ids of the signals stored under these sender ids. */
    Map<String, UUID> idsOf(Collection<String> externalIds) {
        var ids = new HashMap<String, UUID>();
        if (!externalIds.isEmpty()) {
            many.query("select id, external_id from signals where external_id = any(?)", "varchar", externalIds, rs -> {
                ids.put(rs.getString("external_id"), Sql.uuid(rs, "id"));
            });
        }
        return ids;
    }

    /** The signals with these ids, in the order given; an id no longer stored is left out. */
    List<SignalReceived> byIds(List<UUID> ids) {
        var found = new HashMap<UUID, SignalReceived>();
        many.query(SELECT + " where id = any(?)", "uuid", ids, rs -> {
            var received = map(rs);
            found.put(received.signalId(), received);
        });
        return ids.stream().filter(found::containsKey).map(found::get).toList();
    }

    void attach(UUID signalId, UUID prospectId) {
        jdbc.sql("update signals set prospect_id = ? where id = ? and prospect_id is null")
                .params(prospectId, signalId)
                .update();
    }

    /** What the detail column holds at most; a longer detail is cut, saying so. */
    static final int DETAIL_LENGTH = 1000;

    void outcome(UUID signalId, String outcome, String detail, Instant at) {
        var fitted = detail == null || detail.length() <= DETAIL_LENGTH
                ? detail
                : detail.substring(0, DETAIL_LENGTH - 3) + "...";
        jdbc.sql("update signals set outcome = ?, outcome_detail = ?, outcome_at = ? where id = ?")
                .params(outcome, fitted, Sql.ts(at), signalId)
                .update();
    }

    List<Signals.InquiryOutcome> inquiryProblems(int limit) {
        return jdbc.sql("select id, external_id, received_at, outcome, outcome_detail, name, email, phone, company,"
                        + " prospect_id, outcome_at from signals where outcome in ('REJECTED', 'FAILING')"
                        + " or (outcome = 'TAKEN' and outcome_detail is not null)"
                        + " order by received_at desc fetch first " + limit + " rows only")
                .query((rs, i) -> new Signals.InquiryOutcome(
                        Sql.uuid(rs, "id"),
                        rs.getString("external_id"),
                        Sql.instant(rs, "received_at"),
                        rs.getString("outcome"),
                        rs.getString("outcome_detail"),
                        rs.getString("name"),
                        rs.getString("email"),
                        rs.getString("phone"),
                        rs.getString("company"),
                        Sql.uuid(rs, "prospect_id"),
                        Sql.instant(rs, "outcome_at")))
                .list();
    }

    List<Signals.Seen> about(Collection<UUID> prospectIds, Instant since) {
        if (prospectIds.isEmpty()) {
            return List.of();
        }
        var params = new ArrayList<Object>(prospectIds);
        params.add(Sql.ts(since));
        return jdbc.sql("select id, prospect_id, type, occurred_at, url from signals where prospect_id in ("
                        + marks(prospectIds.size()) + ") and occurred_at >= ? order by occurred_at desc")
                .params(params)
                .query((rs, i) -> new Signals.Seen(
                        Sql.uuid(rs, "id"),
                        Sql.uuid(rs, "prospect_id"),
                        SignalType.valueOf(rs.getString("type")),
                        Sql.instant(rs, "occurred_at"),
                        rs.getString("url")))
                .list();
    }

    List<UUID> prospectsSince(Instant since, int limit) {
        return jdbc.sql("select prospect_id from signals where prospect_id is not null and occurred_at >= ?"
                        + " group by prospect_id order by max(occurred_at) desc fetch first " + limit + " rows only")
                .param(Sql.ts(since))
                .query(UUID.class)
                .list();
    }

    private static SignalReceived map(ResultSet rs) throws SQLException {
        var signal = new Signal(
                rs.getString("external_id"),
                SignalType.valueOf(rs.getString("type")),
                Sql.instant(rs, "occurred_at"),
                rs.getString("email"),
                rs.getString("domain"),
                rs.getString("url"),
                rs.getString("name"),
                rs.getString("phone"),
                rs.getString("company"),
                rs.getString("message"),
                rs.getString("country"),
                rs.getString("region"),
                rs.getString("time_zone"));
        var prospect = Sql.uuid(rs, "prospect_id");
        var account = Sql.uuid(rs, "account_id");
        var how = rs.getString("matched_by");
        var match = prospect == null && account == null
                ? SignalMatch.NONE
                : new SignalMatch(prospect, account, how == null ? "an earlier match" : how);
        return new SignalReceived(Sql.uuid(rs, "id"), signal, Sql.instant(rs, "received_at"), match);
    }

    private static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }
}
