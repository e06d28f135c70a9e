package org.followthrough.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.followthrough.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Why the embedded database's pool never retires a connection: H2 binds a check constraint with a list
 * of values to the session that created it, so once the migrations' connection is closed every insert
 * into such a table fails. (Should a future H2 stop doing so, the first test fails and says the
 * workaround may go.)
 */
@ApplicationTest
class EmbeddedConnectionsTest {

    @Autowired
    DataSource dataSource;

    @Test
    void h2BreaksAConstraintWhenTheConnectionThatCreatedItCloses() throws SQLException {
        var url = "jdbc:h2:mem:constraint-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL";
        try (var other = DriverManager.getConnection(url, "sa", "")) {
            try (var creating = DriverManager.getConnection(url, "sa", "")) {
                creating.createStatement()
                        .execute("create table t (s varchar(10), constraint t_s check (s in ('A', 'B')))");
                other.createStatement().execute("insert into t values ('A')");
            }
            assertThatThrownBy(() -> other.createStatement().execute("insert into t values ('B')"))
                    .hasMessageContaining("Check constraint invalid");
        }
    }

    @Test
    void theEmbeddedDatabasesPoolKeepsEveryConnectionItOpenedAndPostgreSqlsRetiresThem() {
        var pool = (HikariDataSource) dataSource;
        if (pool.getJdbcUrl().startsWith("jdbc:h2:")) {
            assertThat(pool.getMaxLifetime()).isZero();
            assertThat(pool.getIdleTimeout()).isZero();
        } else {
            assertThat(pool.getMaxLifetime()).isPositive();
        }
    }
}
