package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign keys from prospects to their account and their owner. Neither an account nor a
 * member is ever deleted (members are deactivated, and their prospects handed on), and both ids are
 * only ever written from a row read or created in the same transaction; but checking them row by row
 * was a fifth of a million-row import's time in PostgreSQL. The keys carry names the database chose,
 * which differ between PostgreSQL and H2, so they are found by what they reference rather than by name.
 */
public class V2_3__prospects_without_foreign_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        var connection = context.getConnection();
        for (var key : keys(connection)) {
            try (var statement = connection.createStatement()) {
                statement.execute("alter table prospects drop constraint \"" + key + "\"");
            }
        }
    }

    private static List<String> keys(Connection connection) throws SQLException {
        var names = new ArrayList<String>();
        var meta = connection.getMetaData();
        for (var table : List.of("prospects", "PROSPECTS")) {
            try (var rows = meta.getImportedKeys(null, null, table)) {
                while (rows.next()) {
                    var referenced = rows.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    var name = rows.getString("FK_NAME");
                    if ((referenced.equals("accounts") || referenced.equals("members")) && !names.contains(name)) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }
}
