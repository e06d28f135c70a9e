package org.followthrough.common;

import java.sql.SQLException;
import javax.sql.DataSource;

/** Which database FollowThrough runs on, for the few statements PostgreSQL and H2 spell differently. */
public final class Databases {

    private Databases() {}

    public static boolean isPostgres(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this is: " + e.getMessage(), e);
        }
    }
}
