package org.followthrough.prospects;

import static org.assertj.core.api.Assertions.assertThat;

import db.migration.V101__canonical_prospect_zones;
import java.sql.Connection;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Prospects stored under a backward zone name before zones were kept canonical take the zone it links to. */
@ApplicationTest
class CanonicalZonesMigrationTest {

    @Autowired
    Given given;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void aBackwardZoneStoredEarlierBecomesTheCanonicalOne() throws Exception {
        var prospect = given.prospect(given.rep());
        jdbc.sql("update prospects set time_zone = 'Asia/Calcutta' where id = ?")
                .param(prospect.id())
                .update();
        try (var connection = dataSource.getConnection()) {
            new V101__canonical_prospect_zones().migrate(context(connection));
        }
        assertThat(zoneOf(prospect.id())).isEqualTo("Asia/Kolkata");
    }

    private String zoneOf(UUID id) {
        return jdbc.sql("select time_zone from prospects where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }
}
