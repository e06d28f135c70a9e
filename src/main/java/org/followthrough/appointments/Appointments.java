package org.followthrough.appointments;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.common.Refusal;
import org.followthrough.common.Sql;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The appointments table. */
@Repository
public class Appointments {

    /** Two calls of one rep closer than this clash. */
    static final Duration LENGTH = Duration.ofMinutes(30);

    private static final String BOOKED = Appointment.Status.BOOKED.name();

    private final JdbcClient jdbc;

    Appointments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Appointment a, Instant now) {
        jdbc.sql("insert into appointments (id, prospect_id, owner_id, at, agenda, status, sequence, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        a.id(),
                        a.prospectId(),
                        a.ownerId(),
                        Sql.ts(a.at()),
                        a.agenda(),
                        a.status().name(),
                        a.sequence(),
                        Sql.ts(now))
                .update();
    }

    /**
     * Stores a move of the appointment's life, made from {@code was}; refused when someone else moved it
     * meanwhile (two people cancelling at once, a call logged as the appointment is moved).
     */
    public Appointment update(Appointment was, Appointment now) {
        int changed = jdbc.sql("update appointments set at = ?, agenda = ?, status = ?, sequence = ?"
                        + " where id = ? and status = ? and sequence = ?")
                .params(
                        Sql.ts(now.at()),
                        now.agenda(),
                        now.status().name(),
                        now.sequence(),
                        was.id(),
                        was.status().name(),
                        was.sequence())
                .update();
        if (changed != 1) {
            throw new Refusal(
                    HttpStatus.CONFLICT,
                    "Appointment changed meanwhile",
                    "Someone changed this appointment at the same moment; read it again and retry.");
        }
        return now;
    }

    public Optional<Appointment> find(UUID id) {
        return jdbc.sql("select * from appointments where id = ?")
                .param(id)
                .query(Appointments::map)
                .optional();
    }

    /** The rep's booked appointments around this instant that would clash with a new one. */
    List<Appointment> clashing(UUID ownerId, Instant at) {
        return jdbc.sql("select * from appointments where owner_id = ? and status = ? and at > ? and at < ?")
                .params(ownerId, BOOKED, Sql.ts(at.minus(LENGTH)), Sql.ts(at.plus(LENGTH)))
                .query(Appointments::map)
                .list();
    }

    List<Appointment> bookedFor(UUID prospectId) {
        return jdbc.sql("select * from appointments where prospect_id = ? and status = ? order by at")
                .params(prospectId, BOOKED)
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
    public Optional<Appointment> latest(UUID prospectId) {
        return jdbc.sql("select * from appointments where prospect_id = ? and status <> ?"
                        + " order by at desc fetch first 1 rows only")
                .params(prospectId, Appointment.Status.CANCELLED.name())
                .query(Appointments::map)
                .optional();
    }

    private static Appointment map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Appointment(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "prospect_id"),
                Sql.uuid(rs, "owner_id"),
                Sql.instant(rs, "at"),
                rs.getString("agenda"),
                Appointment.Status.valueOf(rs.getString("status")),
                rs.getInt("sequence"));
    }
}
