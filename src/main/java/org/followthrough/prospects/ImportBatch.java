package org.followthrough.prospects;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.followthrough.common.Databases;
import org.followthrough.common.Ids;
import org.followthrough.common.InvalidInput.FieldProblem;
import org.followthrough.common.Sql;
import org.followthrough.prospects.imports.ColumnNames;
import org.followthrough.prospects.imports.Columns;
import org.followthrough.team.Actor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores one batch of imported rows in one transaction: checks each row as the API would, refuses
 * suppressed people and other reps' prospects, updates those already known (by email, else phone)
 * and inserts the rest, with a few statements per batch rather than per row.
 */
final class ImportBatch {

    /**
     * A rejected row: where it is in the file, which column and why; and whom the row was about (its email
     * and the digits of its phone, as written), so erasing that person takes their rejected cells too.
     */
    record RowError(long row, String column, String message, String email, String phoneDigits, boolean warning) {

        RowError(long row, String column, String message) {
            this(row, column, message, null, null, false);
        }

        /** A value set aside on a row that was imported all the same. */
        static RowError warning(long row, String column, String message) {
            return new RowError(row, column, message, null, null, true);
        }

        RowError about(ProspectFields fields) {
            var typed = Intake.text(fields.email());
            var digits = fields.phone() == null ? "" : fields.phone().replaceAll("[^0-9]", "");
            return new RowError(
                    row,
                    column,
                    message,
                    typed == null || typed.length() > 254 ? null : typed.toLowerCase(java.util.Locale.ROOT),
                    digits.isEmpty() || digits.length() > 20 ? null : digits,
                    warning);
        }
    }

    record Result(int created, int updated, List<RowError> errors) {}

    /**
     * A row to store: its checked prospect, the other emails and phones it carries (kept beside the main
     * ones), the stage the file gives (null: none) and the source CRM's id.
     */
    record Keep(
            Columns.Row row,
            Intake.Checked checked,
            List<String> otherEmails,
            List<String> otherPhones,
            Stage stage,
            String sourceId,
            java.util.Set<String> setAside) {

        Keep(Columns.Row row, Intake.Checked checked) {
            this(row, checked, List.of(), List.of(), null, null, java.util.Set.of());
        }

        /** Whether the row named an owner that was taken (not set aside). */
        boolean ownerGiven() {
            return row.fields().owner() != null && !setAside.contains("owner");
        }

        String key() {
            return checked.email() != null ? "e:" + checked.email() : "p:" + checked.phoneE164();
        }
    }

    private final JdbcTemplate jdbc;
    private final Suppressions suppressions;
    private final Map<String, UUID> accountIds;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean postgres;
    private final ImportChoices choices;

    ImportBatch(
            JdbcTemplate jdbc,
            Suppressions suppressions,
            Map<String, UUID> accountIds,
            org.springframework.context.ApplicationEventPublisher events,
            Clock clock) {
        this(jdbc, suppressions, accountIds, events, clock, ImportChoices.DEFAULT);
    }

    ImportBatch(
            JdbcTemplate jdbc,
            Suppressions suppressions,
            Map<String, UUID> accountIds,
            org.springframework.context.ApplicationEventPublisher events,
            Clock clock,
            ImportChoices choices) {
        this.choices = choices;
        this.jdbc = jdbc;
        this.events = events;
        this.postgres = Databases.isPostgres(jdbc.getDataSource());
        this.suppressions = suppressions;
        this.accountIds = accountIds;
        this.clock = clock;
    }

    /** A batch checked and ready to store: worked out without the database, so it can run beside the writing. */
    record Prepared(List<Keep> keep, List<RowError> errors, int superseded, int processed, long bytesRead) {}

    Prepared prepare(Intake.Context context, Columns columns, List<Columns.Row> rows, long bytesRead) {
        var outcomes = rows.size() > 1
                ? rows.parallelStream().map(row -> RowCheck.check(row, context)).toList()
                : rows.stream().map(row -> RowCheck.check(row, context)).toList();
        var errors = new ArrayList<RowError>();
        var keep = new LinkedHashMap<String, Keep>();
        int superseded = 0;
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            var outcome = outcomes.get(i);
            if (outcome.keep() == null) {
                for (FieldProblem p : outcome.problems()) {
                    errors.add(new RowError(row.row(), columns.columnOf(p.field()), p.message()).about(row.fields()));
                }
                continue;
            }
            for (var w : outcome.warnings()) {
                var column = ColumnNames.FIELDS.contains(w.column()) ? columns.columnOf(w.column()) : w.column();
                errors.add(RowError.warning(row.row(), column, w.message()));
            }
            var k = outcome.keep();
            // the same person twice in one batch: the later row wins, as it would across batches
            if (keep.put(k.key(), k) != null) {
                superseded++;
            }
        }
        return new Prepared(new ArrayList<>(keep.values()), errors, superseded, rows.size(), bytesRead);
    }

    Result store(Actor actor, UUID importId, Columns columns, Prepared prepared) {
        if (postgres) {
            // an import batch and its progress commit together and a repeated import only updates, so a batch
            // lost to a database crash is simply imported again: no need to wait for each commit's disk flush
            jdbc.execute("set local synchronous_commit = off");
        }
        var errors = new ArrayList<>(prepared.errors());
        var keep = new ArrayList<>(prepared.keep());
        rejectSuppressed(keep, columns, errors);
        var existing = existing(keep);
        var byCrmId = choices.matchBy().contains(ImportChoices.Match.CRM_ID) ? byCrmId(keep) : Map.<String, Known>of();
        resolveAccounts(keep);
        var inserts = new ArrayList<Object[]>();
        var updates = new ArrayList<Object[]>();
        var points = new ArrayList<Object[]>();
        var staged = new ArrayList<Object[]>();
        var changed = new ArrayList<ProspectChanged>();
        var now = clock.instant();
        for (var k : keep) {
            var found = k.sourceId() == null ? null : byCrmId.get(k.sourceId());
            if (found == null) {
                found = existing.get(k.key());
            }
            var account = accountId(k.checked());
            if (found == null) {
                var id = Ids.next();
                inserts.add(ProspectRows.insertParams(id, k.checked(), account, "IMPORT", importId, now)
                        .toArray());
                points.addAll(ContactPoints.rows(id, k, columns.layout(), now));
                if (k.stage() != null && k.stage() != Stage.NEW) {
                    staged.add(new Object[] {k.stage().name(), id});
                }
            } else if (!actor.maySee(found.ownerId())) {
                errors.add(new RowError(
                                k.row().row(),
                                columns.columnOf(k.checked().email() != null ? "email" : "phone"),
                                Prospects.ALREADY_IN_TEAM.formatted(k.checked().email() != null ? "email" : "phone"))
                        .about(k.row().fields()));
            } else if (choices.duplicates() == ImportChoices.Duplicates.SKIP) {
                errors.add(RowError.warning(
                        k.row().row(),
                        columns.columnOf(k.checked().email() != null ? "email" : "phone"),
                        "already in FollowThrough; left as it is, as this import skips people it already has"));
            } else {
                updates.add(updateParams(found.id(), k, account, now));
                points.addAll(ContactPoints.rows(found.id(), k, columns.layout(), now));
                var fields = new java.util.HashSet<String>();
                if (k.ownerGiven() && !k.checked().ownerId().equals(found.ownerId())) {
                    fields.add("owner");
                }
                // the file's stage and consent apply as to a new prospect; an opt-out is never undone by a file
                var stage = found.stageFrom(k.stage());
                if (stage != null) {
                    staged.add(new Object[] {stage.name(), found.id()});
                    fields.add("stage");
                }
                if (k.checked().doNotCall() && !found.doNotCall()) {
                    fields.add("doNotCall");
                }
                if (k.checked().emailOptOut() && !found.emailOptOut()) {
                    fields.add("emailOptOut");
                }
                if (!fields.isEmpty()) {
                    changed.add(new ProspectChanged(found.id(), java.util.Set.copyOf(fields)));
                }
            }
        }
        if (postgres) {
            copy(inserts);
        } else {
            jdbc.batchUpdate(ProspectRows.INSERT, inserts);
        }
        jdbc.batchUpdate(UPDATE, updates);
        // a stage the file gives is taken by the prospects it creates and by those it updates (see Known)
        jdbc.batchUpdate("update prospects set stage = ? where id = ?", staged);
        ContactPoints.insert(jdbc, points);
        // only the rows whose owner, stage or consent changed, as after a change by API: open calls move with a
        // new owner, and a new do-not-call cancels them
        changed.forEach(events::publishEvent);
        return new Result(inserts.size(), updates.size() + prepared.superseded(), errors);
    }

    /** The same columns, in the same order, as an insert's parameters. */
    private static final String COPY = "copy prospects (" + ProspectRows.COLUMNS + ") from stdin with (format csv)";

    /**
     * PostgreSQL's COPY takes a batch of new rows with a fraction of an INSERT's parsing and round trips. The
     * rows are written to the connection as they are put into words, a few dozen kilobytes at a time, rather
     * than built as one text for the batch first.
     */
    private void copy(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((java.sql.Connection c) -> {
            var copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(COPY);
            try {
                var text = new StringBuilder(COPY_CHUNK + 4096);
                for (var row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) {
                            text.append(',');
                        }
                        var value = row[i];
                        if (value != null) {
                            quoted(text, value.toString());
                        }
                    }
                    text.append('\n');
                    if (text.length() >= COPY_CHUNK) {
                        write(copy, text);
                    }
                }
                write(copy, text);
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
    }

    private static final int COPY_CHUNK = 64 * 1024;

    /** A CSV cell in quotes, a quote inside doubled. */
    private static void quoted(StringBuilder text, String value) {
        text.append('"');
        if (value.indexOf('"') < 0) {
            text.append(value);
        } else {
            text.append(value.replace("\"", "\"\""));
        }
        text.append('"');
    }

    private static void write(org.postgresql.copy.CopyIn copy, StringBuilder text) throws java.sql.SQLException {
        if (text.length() > 0) {
            var bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        }
    }

    /** An import changes what its row says and keeps what the row leaves out (a missing column clears nothing). */
    private static final String UPDATE =
            """
            update prospects set account_id = coalesce(?, account_id), owner_id = coalesce(?, owner_id), full_name = ?,
                title = coalesce(?, title), email = coalesce(?, email), phone_e164 = coalesce(?, phone_e164),
                time_zone = coalesce(?, time_zone), time_zone_source = coalesce(?, time_zone_source),
                time_zone_note = case when cast(? as boolean) then cast(? as varchar(300)) else time_zone_note end,
                time_zone_candidates = case when cast(? as boolean) then cast(? as varchar(2000))
                    else time_zone_candidates end,
                country = coalesce(?, country), region = coalesce(?, region),
                region_given = case when cast(? as boolean) then true else region_given end, decision_role = coalesce(?, decision_role),
                do_not_call = (do_not_call or ?), email_opt_out = (email_opt_out or ?), updated_at = ?
            where id = ?""";

    private static Object[] updateParams(UUID id, Keep k, UUID account, java.time.Instant now) {
        var c = k.checked();
        var given = k.row().fields();
        boolean zoneKnown = c.zoneSource() != TimeZoneSource.DEFAULT;
        return new Object[] {
            account,
            k.ownerGiven() ? c.ownerId() : null,
            c.fullName(),
            c.title(),
            c.email(),
            c.phoneE164(),
            zoneKnown ? c.zone().getId() : null,
            zoneKnown ? c.zoneSource().name() : null,
            zoneKnown,
            c.zoneNote(),
            zoneKnown,
            ProspectRows.candidates(c.zoneCandidates()),
            c.country(),
            c.region(),
            c.regionGiven(),
            given.decisionRole() == null || k.setAside().contains("decisionRole")
                    ? null
                    : c.decisionRole().name(),
            // consent only ever narrows: a file without the column, or saying "allowed", undoes no opt-out
            c.doNotCall(),
            c.emailOptOut(),
            Sql.ts(now),
            id
        };
    }

    private void rejectSuppressed(List<Keep> keep, Columns columns, List<RowError> errors) {
        var present = suppressions.present();
        if (!present.any()) {
            return;
        }
        var emails = new java.util.IdentityHashMap<Keep, List<String>>();
        var phones = new java.util.IdentityHashMap<Keep, List<String>>();
        var hashes = new ArrayList<String>();
        for (var k : keep) {
            emails.put(k, suppressions.forms("email", k.checked().email(), present));
            phones.put(k, suppressions.forms("phone", k.checked().phoneE164(), present));
            hashes.addAll(emails.get(k));
            hashes.addAll(phones.get(k));
        }
        var suppressed = suppressions.suppressedOf(hashes);
        if (suppressed.isEmpty()) {
            return;
        }
        var it = keep.iterator();
        while (it.hasNext()) {
            var k = it.next();
            var byEmail = emails.get(k).stream().anyMatch(suppressed::contains);
            if (byEmail || phones.get(k).stream().anyMatch(suppressed::contains)) {
                errors.add(new RowError(
                        k.row().row(),
                        columns.columnOf(byEmail ? "email" : "phone"),
                        "this person was erased and asked not to be contacted again; an administrator can lift"
                                + " the suppression"));
                it.remove();
            }
        }
    }

    /** A prospect an import row matched: its id, owner, and the stage and consent it has now. */
    record Known(UUID id, UUID ownerId, Stage stage, boolean doNotCall, boolean emailOptOut) {

        static Known of(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new Known(
                    Sql.uuid(rs, "id"),
                    Sql.uuid(rs, "owner_id"),
                    Stage.valueOf(rs.getString("stage")),
                    rs.getBoolean("do_not_call"),
                    rs.getBoolean("email_opt_out"));
        }

        /**
         * The stage a row's stage moves this prospect to, or null to leave it: the file's stage applies as to a
         * new prospect, except that it never moves an open prospect back to an earlier open stage (NEW before
         * ATTEMPTING before ENGAGED): the calls logged here say more than a CRM's older stage.
         */
        Stage stageFrom(Stage given) {
            if (given == null || given == stage) {
                return null;
            }
            if (given.isOpen() && stage.isOpen() && given.ordinal() < stage.ordinal()) {
                return null;
            }
            return given;
        }
    }

    private static final String KNOWN = "p.id, p.owner_id, p.stage, p.do_not_call, p.email_opt_out";

    /** The stored id, owner, stage and consent of each kept row's person, by the row's key. */
    private Map<String, Known> existing(java.util.Collection<Keep> rows) {
        var found = new HashMap<String, Known>();
        var emails = rows.stream()
                .map(k -> k.checked().email())
                .filter(e -> e != null)
                .toList();
        var phones = rows.stream()
                .filter(k -> choices.matchBy().contains(ImportChoices.Match.PHONE))
                .filter(k -> k.checked().email() == null)
                .map(k -> k.checked().phoneE164())
                .toList();
        // one array parameter, not an IN list: planned once, with the unique index, whatever the batch holds
        anyOf("select " + KNOWN + ", p.email from prospects p where p.email = any(?)", emails, rs -> {
            found.put("e:" + rs.getString("email"), Known.of(rs));
        });
        anyOf(
                "select " + KNOWN + ", p.phone_e164 from prospects p where p.email is null and p.phone_e164 = any(?)",
                phones,
                rs -> {
                    found.putIfAbsent("p:" + rs.getString("phone_e164"), Known.of(rs));
                });
        return found;
    }

    /** The stored id and owner of the prospects the source CRM's ids of these rows name, by that id. */
    private Map<String, Known> byCrmId(java.util.Collection<Keep> rows) {
        var found = new HashMap<String, Known>();
        var ids = rows.stream().map(Keep::sourceId).filter(s -> s != null).toList();
        anyOf(
                "select " + KNOWN + ", c.value_text from prospect_contact_points c join prospects p"
                        + " on p.id = c.prospect_id where c.kind = 'CRM_ID' and c.value_text = any(?)",
                ids,
                rs -> found.putIfAbsent(rs.getString("value_text"), Known.of(rs)));
        return found;
    }

    /** After a rolled-back batch: the accounts it created are gone again. */
    void forgetAccounts() {
        accountIds.clear();
    }

    private UUID accountId(Intake.Checked c) {
        var key = c.accountKey();
        return key == null ? null : accountIds.get(key);
    }

    /** Finds or creates the accounts of a batch with a few statements, whatever the number of companies. */
    private void resolveAccounts(java.util.Collection<Keep> rows) {
        if (accountIds.size() > 100_000) {
            accountIds.clear();
        }
        var wanted = new LinkedHashMap<String, Intake.Checked>();
        for (var k : rows) {
            var key = k.checked().accountKey();
            if (key != null && !accountIds.containsKey(key)) {
                wanted.putIfAbsent(key, k.checked());
            }
        }
        lookUpAccounts(new ArrayList<>(wanted.keySet()));
        // by the batch's own keys: the known accounts may be a hundred thousand
        wanted.keySet().removeIf(accountIds::containsKey);
        if (wanted.isEmpty()) {
            return;
        }
        var now = Sql.ts(clock.instant());
        var inserts = new ArrayList<Object[]>();
        wanted.forEach((key, c) ->
                inserts.add(new Object[] {Ids.next(), c.company(), key, c.domain(), c.industry(), c.country(), now}));
        // another import may create the same account meanwhile: its row wins and is read back below
        jdbc.batchUpdate(
                "insert into accounts (id, name, match_key, domain, industry, country, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                inserts);
        lookUpAccounts(new ArrayList<>(wanted.keySet()));
    }

    private void lookUpAccounts(List<String> keys) {
        anyOf("select id, match_key from accounts where match_key = any(?)", keys, rs -> {
            accountIds.put(rs.getString("match_key"), Sql.uuid(rs, "id"));
        });
    }

    /**
     * Runs a lookup for many values: on PostgreSQL with one array parameter ({@code = any(?)}, planned once
     * with the index whatever the batch holds), on H2 as IN lists, which it answers from the index.
     */
    private void anyOf(String sql, List<String> values, org.springframework.jdbc.core.RowCallbackHandler handler) {
        if (values.isEmpty()) {
            return;
        }
        if (postgres) {
            jdbc.query(
                    sql, ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", values.toArray())), handler);
            return;
        }
        for (int from = 0; from < values.size(); from += 500) {
            var chunk = values.subList(from, Math.min(values.size(), from + 500));
            var marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query(sql.replace("= any(?)", "in (" + marks + ")"), handler, chunk.toArray());
        }
    }
}
