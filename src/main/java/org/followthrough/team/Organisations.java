package org.followthrough.team;

import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The single organisation row, read once and kept in memory because every plan needs it. */
@Repository
class Organisations {

    private final JdbcClient jdbc;
    private final AtomicReference<Organisation> cached = new AtomicReference<>();

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Organisation current() {
        var organisation = cached.get();
        if (organisation == null) {
            organisation = jdbc.sql("select name, time_zone, country from organisation where id = 1")
                    .query((rs, n) -> new Organisation(
                            rs.getString("name"), ZoneId.of(rs.getString("time_zone")), rs.getString("country")))
                    .optional()
                    .orElseThrow(() -> new IllegalStateException("the organisation has not been set up yet"));
            cached.set(organisation);
        }
        return organisation;
    }

    boolean exists() {
        return jdbc.sql("select count(*) from organisation")
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void update(Organisation organisation) {
        jdbc.sql("update organisation set name = ?, time_zone = ?, country = ? where id = 1")
                .params(organisation.name(), organisation.timeZone().getId(), organisation.country())
                .update();
        cached.set(null);
    }

    void create(Organisation organisation, Instant now) {
        jdbc.sql("insert into organisation (id, name, time_zone, country, created_at) values (1, ?, ?, ?, ?)")
                .params(organisation.name(), organisation.timeZone().getId(), organisation.country(), Sql.ts(now))
                .update();
        cached.set(null);
    }
}
