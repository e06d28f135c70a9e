package org.followthrough.common;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Looks up many values with one statement: a query written with {@code = any(?)} gets one array
 * parameter on PostgreSQL (planned once, with the index, however many values there are) and IN lists of
 * at most 500 on H2, which answers those from the index.
 */
@Component
public class ManyValues {

    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    ManyValues(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(dataSource);
    }

    public boolean postgres() {
        return postgres;
    }

    /**
     * Runs {@code sql}, whose only parameter is written {@code = any(?)}, for all {@code values};
     * {@code type} is the values' SQL type ({@code varchar}, {@code uuid}).
     */
    public void query(String sql, String type, Collection<?> values, RowCallbackHandler handler) {
        if (values.isEmpty()) {
            return;
        }
        if (!sql.contains("= any(?)")) {
            throw new IllegalArgumentException("the lookup must be written with = any(?): " + sql);
        }
        if (postgres) {
            jdbc.query(sql, ps -> ps.setArray(1, ps.getConnection().createArrayOf(type, values.toArray())), handler);
            return;
        }
        var all = List.copyOf(values);
        for (int from = 0; from < all.size(); from += CHUNK) {
            var chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            var marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            jdbc.query(sql.replace("= any(?)", "in (" + marks + ")"), handler, chunk.toArray());
        }
    }

    /**
     * Runs the change {@code sql} for all {@code values}: its last parameter is written {@code = any(?)},
     * the ones before it are {@code before}. The number of rows changed.
     */
    public int update(String sql, String type, Collection<?> values, Object... before) {
        if (values.isEmpty()) {
            return 0;
        }
        if (!sql.contains("= any(?)")) {
            throw new IllegalArgumentException("the change must be written with = any(?): " + sql);
        }
        if (postgres) {
            return jdbc.update(sql, ps -> {
                for (int i = 0; i < before.length; i++) {
                    org.springframework.jdbc.core.StatementCreatorUtils.setParameterValue(
                            ps, i + 1, org.springframework.jdbc.core.SqlTypeValue.TYPE_UNKNOWN, before[i]);
                }
                ps.setArray(before.length + 1, ps.getConnection().createArrayOf(type, values.toArray()));
            });
        }
        var all = List.copyOf(values);
        int changed = 0;
        for (int from = 0; from < all.size(); from += CHUNK) {
            var chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            var marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            var params = new java.util.ArrayList<Object>(java.util.Arrays.asList(before));
            params.addAll(chunk);
            changed += jdbc.update(sql.replace("= any(?)", "in (" + marks + ")"), params.toArray());
        }
        return changed;
    }
}
