package org.followthrough.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The appointments table. */
@Repository
class Appointments {

    /** Two calls of one rep closer than this clash. */
    static final Duration LENGTH = Duration.ofMinutes(30);

    private final JdbcClient jdbc;

    Appointments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID book(UUID prospectId, UUID ownerId, Instant at, String agenda, Instant now) {
        var id = UUID.randomUUID();
        jdbc.sql("insert into appointments (id, prospect_id, owner_id, at, agenda, status, created_at)"
                        + " values (?, ?, ?, ?, ?, 'BOOKED', ?)")
                .params(id, prospectId, ownerId, Sql.ts(at), agenda, Sql.ts(now))
                .update();
        return id;
    }

    Optional<Appointment> find(UUID id) {
        return jdbc.sql("select * from appointments where id = ?")
                .param(id)
                .query(Appointments::map)
                .optional();
    }

    /** The rep's booked appointments around this instant that would clash with a new one. */
    List<Appointment> clashing(UUID ownerId, Instant at) {
        return jdbc.sql("select * from appointments where owner_id = ? and status = 'BOOKED' and at > ? and at < ?")
                .params(ownerId, Sql.ts(at.minus(LENGTH)), Sql.ts(at.plus(LENGTH)))
                .query(Appointments::map)
                .list();
    }

    /** A new time (and agenda, if given): the next version of the appointment, SEQUENCE one higher. */
    Appointment move(Appointment a, Instant at, String agenda) {
        jdbc.sql("update appointments set at = ?, agenda = ?, sequence = sequence + 1 where id = ?")
                .params(Sql.ts(at), agenda == null ? a.agenda() : agenda, a.id())
                .update();
        return find(a.id()).orElseThrow();
    }

    /** Called off: no longer booked, SEQUENCE one higher for the calendar's cancellation. */
    Appointment cancel(Appointment a) {
        jdbc.sql("update appointments set status = 'CANCELLED', sequence = sequence + 1 where id = ?")
                .param(a.id())
                .update();
        return find(a.id()).orElseThrow();
    }

    List<Appointment> bookedFor(UUID prospectId) {
        return jdbc.sql("select * from appointments where prospect_id = ? and status = 'BOOKED' order by at")
                .param(prospectId)
                .query(Appointments::map)
                .list();
    }

    List<Appointment> of(UUID prospectId) {
        return jdbc.sql("select * from appointments where prospect_id = ? order by at desc")
                .param(prospectId)
                .query(Appointments::map)
                .list();
    }

    /** The prospect's most recent appointment that was not cancelled. */
    Optional<Appointment> latest(UUID prospectId) {
        return jdbc.sql("select * from appointments where prospect_id = ? and status <> 'CANCELLED'"
                        + " order by at desc fetch first 1 rows only")
                .param(prospectId)
                .query(Appointments::map)
                .optional();
    }

    void mark(UUID id, String status) {
        jdbc.sql("update appointments set status = ? where id = ?")
                .params(status, id)
                .update();
    }

    private static Appointment map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Appointment(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "prospect_id"),
                Sql.uuid(rs, "owner_id"),
                Sql.instant(rs, "at"),
                rs.getString("agenda"),
                rs.getString("status"),
                rs.getInt("sequence"));
    }
}
