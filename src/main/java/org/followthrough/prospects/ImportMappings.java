package org.followthrough.prospects;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.followthrough.prospects.imports.ColumnNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The columns a person corrected for a header row, remembered for the next file with the same headers; and uploads waiting for their mapping. */
@Repository
class ImportMappings {

    record Waiting(UUID id, UUID memberId, String fileName, long bytes) {}

    private final JdbcClient jdbc;

    ImportMappings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The same for header rows that differ only in case, spacing, punctuation or accents. */
    static String keyOf(List<String> header) {
        var joined = String.join("\u0001", header.stream().map(ColumnNames::key).toList());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Map<String, String>> remembered(List<String> header) {
        return jdbc.sql("select mapping from import_mappings where header_key = ?")
                .param(keyOf(header))
                .query(String.class)
                .optional()
                .map(ImportChoices::columnsOf);
    }

    void remember(List<String> header, ImportChoices choices, UUID memberId, Instant now) {
        var key = keyOf(header);
        jdbc.sql("delete from import_mappings where header_key = ?").param(key).update();
        if (choices.columns().isEmpty()) {
            return;
        }
        jdbc.sql("insert into import_mappings (header_key, header_row, mapping, member_id, updated_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(
                        key,
                        cut(String.join(", ", header), 4000),
                        cut(choices.columnsText(), 8000),
                        memberId,
                        Sql.ts(now))
                .update();
    }

    void waiting(UUID id, UUID memberId, String fileName, long bytes, Instant now) {
        jdbc.sql(
                        "insert into import_previews (id, member_id, file_name, bytes_total, created_at) values (?, ?, ?, ?, ?)")
                .params(id, memberId, cut(fileName, 300), bytes, Sql.ts(now))
                .update();
    }

    Optional<Waiting> waiting(UUID id) {
        return jdbc.sql("select id, member_id, file_name, bytes_total from import_previews where id = ?")
                .param(id)
                .query((rs, i) -> new Waiting(
                        Sql.uuid(rs, "id"),
                        Sql.uuid(rs, "member_id"),
                        rs.getString("file_name"),
                        rs.getLong("bytes_total")))
                .optional();
    }

    /** Takes the upload off the waiting list; false when it was taken already (started twice at once). */
    boolean taken(UUID id) {
        return jdbc.sql("delete from import_previews where id = ?").param(id).update() > 0;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
