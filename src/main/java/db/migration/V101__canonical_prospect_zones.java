package db.migration;

import java.sql.SQLException;
import java.util.ArrayList;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.followthrough.common.TimeZones;

/**
 * Prospects' time zones kept under a backward IANA name ({@code Asia/Calcutta}, {@code US/Eastern}) from
 * before zones were stored canonical take the zone the name links to, so every zone is stored, compared
 * and written into an invitation under one name. The few distinct zones are read first; each backward
 * one is then changed with one statement.
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
        for (var zone : stored) {
            if (!TimeZones.isLink(zone)) {
                continue;
            }
            try (var update = connection.prepareStatement("update prospects set time_zone = ? where time_zone = ?")) {
                update.setString(1, TimeZones.canonical(zone));
                update.setString(2, zone);
                update.executeUpdate();
            }
        }
    }
}
