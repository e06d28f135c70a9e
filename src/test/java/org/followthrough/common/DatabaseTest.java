package org.followthrough.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.followthrough.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApplicationTest
class DatabaseTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSuiteRunsOnTheDatabaseItWasAskedFor() throws SQLException {
        var expected = System.getenv("FOLLOWTHROUGH_EXPECT_DATABASE");
        try (var connection = dataSource.getConnection()) {
            var product = connection.getMetaData().getDatabaseProductName();
            assertThat(product).isEqualTo(expected == null ? "H2" : expected);
        }
    }

    @Test
    void onPostgreSqlEachContextWorksInASchemaOfItsOwn() {
        var schema = jdbc.sql("select current_schema()").query(String.class).single();
        if (System.getenv("FOLLOWTHROUGH_EXPECT_DATABASE") == null) {
            assertThat(schema).isEqualToIgnoringCase("public");
        } else {
            assertThat(schema).startsWith("test_");
        }
    }

    @Test
    void everyMigrationRanSuccessfully() {
        var failed = jdbc.sql("select count(*) from \"flyway_schema_history\" where not success")
                .query(Integer.class)
                .single();
        var applied = jdbc.sql("select count(*) from \"flyway_schema_history\"")
                .query(Integer.class)
                .single();
        assertThat(failed).isZero();
        assertThat(applied).isGreaterThanOrEqualTo(2);
    }
}
