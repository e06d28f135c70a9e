package org.followthrough.prospects;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.followthrough.common.InvalidInput.FieldProblem;
import org.followthrough.common.Sql;
import org.followthrough.prospects.imports.Columns;
import org.followthrough.team.Actor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores one batch of imported rows in one transaction: checks each row as the API would, refuses
 * suppressed people and other reps' prospects, updates those already known (by email, else phone)
 * and inserts the rest, with a few statements per batch rather than per row.
 */
final class ImportBatch {

    /** A rejected row: where it is in the file, which column and why. */
    record RowError(long row, String column, String message) {}

    record Result(int created, int updated, List<RowError> errors) {}

    private record Keep(Columns.Row row, Intake.Checked checked) {
        String key() {
            return checked.email() != null ? "e:" + checked.email() : "p:" + checked.phoneE164();
        }
    }

    private final JdbcTemplate jdbc;
    private final Suppressions suppressions;
    private final Map<String, UUID> accountIds;
    private final Clock clock;

    ImportBatch(JdbcTemplate jdbc, Suppressions suppressions, Map<String, UUID> accountIds, Clock clock) {
        this.jdbc = jdbc;
        this.suppressions = suppressions;
        this.accountIds = accountIds;
        this.clock = clock;
    }

    Result write(Actor actor, Intake.Context context, UUID importId, Columns columns, List<Columns.Row> rows) {
        var errors = new ArrayList<RowError>();
        var keep = new LinkedHashMap<String, Keep>();
        int superseded = 0;
        for (var row : rows) {
            var problems = new ArrayList<>(row.problems());
            Intake.Checked checked = null;
            if (problems.isEmpty()) {
                var outcome = Intake.check(row.fields(), context);
                problems.addAll(outcome.problems());
                checked = outcome.checked();
            }
            if (!problems.isEmpty()) {
                for (FieldProblem p : problems) {
                    errors.add(new RowError(row.row(), columns.columnOf(p.field()), p.message()));
                }
                continue;
            }
            // the same person twice in one batch: the later row wins, as it would across batches
            if (keep.put(new Keep(row, checked).key(), new Keep(row, checked)) != null) {
                superseded++;
            }
        }
        rejectSuppressed(keep, columns, errors);
        var existing = existing(keep.values());
        var inserts = new ArrayList<Object[]>();
        var updates = new ArrayList<Object[]>();
        var now = clock.instant();
        for (var k : keep.values()) {
            var found = existing.get(k.key());
            var account = accountId(k.checked());
            if (found == null) {
                inserts.add(ProspectRows.insertParams(UUID.randomUUID(), k.checked(), account, "IMPORT", importId, now)
                        .toArray());
            } else if (!actor.maySee(found[1])) {
                errors.add(new RowError(
                        k.row().row(),
                        columns.columnOf(k.checked().email() != null ? "email" : "phone"),
                        "this person is already a prospect of another rep; ask a manager to import or reassign them"));
            } else {
                updates.add(updateParams(found[0], k, account, now));
            }
        }
        jdbc.batchUpdate(INSERT, inserts);
        jdbc.batchUpdate(UPDATE, updates);
        return new Result(inserts.size(), updates.size() + superseded, errors);
    }

    private static final String INSERT =
            """
            insert into prospects (id, account_id, owner_id, full_name, title, email, phone_e164, time_zone,
                time_zone_source, time_zone_note, country, decision_role, do_not_call, email_opt_out, source,
                import_id, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** An import changes what its row says and keeps what the row leaves out (a missing column clears nothing). */
    private static final String UPDATE =
            """
            update prospects set account_id = coalesce(?, account_id), owner_id = coalesce(?, owner_id), full_name = ?,
                title = coalesce(?, title), email = coalesce(?, email), phone_e164 = coalesce(?, phone_e164),
                time_zone = coalesce(?, time_zone), time_zone_source = coalesce(?, time_zone_source),
                time_zone_note = case when cast(? as boolean) then cast(? as varchar(300)) else time_zone_note end,
                country = coalesce(?, country), decision_role = coalesce(?, decision_role),
                do_not_call = coalesce(?, do_not_call), email_opt_out = coalesce(?, email_opt_out), updated_at = ?
            where id = ?""";

    private static Object[] updateParams(UUID id, Keep k, UUID account, java.time.Instant now) {
        var c = k.checked();
        var given = k.row().fields();
        boolean zoneKnown = c.zoneSource() != TimeZoneSource.DEFAULT;
        return new Object[] {
            account,
            given.owner() == null ? null : c.ownerId(),
            c.fullName(),
            c.title(),
            c.email(),
            c.phoneE164(),
            zoneKnown ? c.zone().getId() : null,
            zoneKnown ? c.zoneSource().name() : null,
            zoneKnown,
            c.zoneNote(),
            c.country(),
            given.decisionRole() == null ? null : c.decisionRole().name(),
            given.doNotCall(),
            given.emailOptOut(),
            Sql.ts(now),
            id
        };
    }

    private void rejectSuppressed(Map<String, Keep> keep, Columns columns, List<RowError> errors) {
        var hashes = new ArrayList<String>();
        for (var k : keep.values()) {
            hashes.add(Suppressions.hash("email", k.checked().email()));
            hashes.add(Suppressions.hash("phone", k.checked().phoneE164()));
        }
        hashes.removeIf(java.util.Objects::isNull);
        var suppressed = suppressions.suppressedOf(hashes);
        if (suppressed.isEmpty()) {
            return;
        }
        var it = keep.values().iterator();
        while (it.hasNext()) {
            var k = it.next();
            var byEmail =
                    suppressed.contains(Suppressions.hash("email", k.checked().email()));
            if (byEmail
                    || suppressed.contains(
                            Suppressions.hash("phone", k.checked().phoneE164()))) {
                errors.add(new RowError(
                        k.row().row(),
                        columns.columnOf(byEmail ? "email" : "phone"),
                        "this person was erased and asked not to be contacted again; an administrator can lift"
                                + " the suppression"));
                it.remove();
            }
        }
    }

    /** The stored id and owner of each kept row's person, by the row's key. */
    private Map<String, UUID[]> existing(java.util.Collection<Keep> rows) {
        var found = new HashMap<String, UUID[]>();
        var emails = rows.stream()
                .map(k -> k.checked().email())
                .filter(e -> e != null)
                .toList();
        var phones = rows.stream()
                .filter(k -> k.checked().email() == null)
                .map(k -> k.checked().phoneE164())
                .toList();
        for (var chunk : chunks(emails)) {
            jdbc.query(
                    "select id, owner_id, email from prospects where email in (" + marks(chunk.size()) + ")",
                    rs -> {
                        found.put("e:" + rs.getString(3), new UUID[] {Sql.uuid(rs, "id"), Sql.uuid(rs, "owner_id")});
                    },
                    chunk.toArray());
        }
        for (var chunk : chunks(phones)) {
            jdbc.query(
                    "select id, owner_id, phone_e164 from prospects where email is null and phone_e164 in ("
                            + marks(chunk.size()) + ")",
                    rs -> {
                        found.putIfAbsent(
                                "p:" + rs.getString(3), new UUID[] {Sql.uuid(rs, "id"), Sql.uuid(rs, "owner_id")});
                    },
                    chunk.toArray());
        }
        return found;
    }

    /** After a rolled-back batch: the accounts it created are gone again. */
    void forgetAccounts() {
        accountIds.clear();
    }

    private UUID accountId(Intake.Checked c) {
        var key = c.accountKey();
        if (key == null) {
            return null;
        }
        var cached = accountIds.get(key);
        if (cached != null) {
            return cached;
        }
        var stored = jdbc.query("select id from accounts where match_key = ?", (rs, i) -> Sql.uuid(rs, "id"), key);
        UUID id;
        if (stored.isEmpty()) {
            id = UUID.randomUUID();
            jdbc.update(
                    "insert into accounts (id, name, match_key, domain, industry, country, created_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?)",
                    id,
                    c.company(),
                    key,
                    c.domain(),
                    c.industry(),
                    c.country(),
                    Sql.ts(clock.instant()));
        } else {
            id = stored.get(0);
        }
        if (accountIds.size() > 100_000) {
            accountIds.clear();
        }
        accountIds.put(key, id);
        return id;
    }

    private static List<List<String>> chunks(List<String> values) {
        var chunks = new ArrayList<List<String>>();
        for (int from = 0; from < values.size(); from += 500) {
            chunks.add(values.subList(from, Math.min(values.size(), from + 500)));
        }
        return chunks;
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
