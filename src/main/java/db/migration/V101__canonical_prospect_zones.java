package db.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Prospects' time zones kept under a backward IANA name ({@code Asia/Calcutta}, {@code US/Eastern}) from
 * before zones were stored canonical take the zone the name links to, so every zone is stored, compared
 * and written into an invitation under one name. The few distinct zones are read first; each backward
 * one is then changed with one statement. Like every migration it stands on its own: it reads the
 * backward links from the shipped data ({@code tz/backward-links.tsv}) itself rather than through
 * application code, which may change after the migration has run.
 */
public class V101__canonical_prospect_zones extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        var connection = context.getConnection();
        var stored = new ArrayList<String>();
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select distinct time_zone from prospects")) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        }
        var links = links();
        for (var zone : stored) {
            if (!links.containsKey(zone)) {
                continue;
            }
            try (var update = connection.prepareStatement("update prospects set time_zone = ? where time_zone = ?")) {
                update.setString(1, links.get(zone));
                update.setString(2, zone);
                update.executeUpdate();
            }
        }
    }

    /** Backward zone name to the canonical one, one tab-separated pair a line, {@code #} for comments. */
    private static Map<String, String> links() {
        var stream = V101__canonical_prospect_zones.class.getResourceAsStream("/tz/backward-links.tsv");
        if (stream == null) {
            throw new IllegalStateException("tz/backward-links.tsv is missing from the classpath");
        }
        var links = new HashMap<String, String>();
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var columns = line.split("\t");
                links.put(columns[0], columns[1]);
            }
        } catch (IOException e) {
            throw new IllegalStateException("tz/backward-links.tsv cannot be read", e);
        }
        return links;
    }
}
