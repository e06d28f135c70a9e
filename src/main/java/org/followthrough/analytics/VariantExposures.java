package org.followthrough.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.followthrough.appointments.AppointmentBooked;
import org.followthrough.cadence.CallOutcome;
import org.followthrough.cadence.Channel;
import org.followthrough.cadence.WordingChosen;
import org.followthrough.cadence.WordingsChosen;
import org.followthrough.calls.CallLogged;
import org.followthrough.common.Sql;
import org.followthrough.inbound.ProspectReplied;
import org.followthrough.messaging.EmailLinkClicked;
import org.followthrough.messaging.EmailOpened;
import org.followthrough.messaging.OutboxVariants;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each variant of a cadence step a prospect was given and what followed it, recorded as it happens
 * (in the transaction of the event): the email sent or the voicemail left, the email opened or a link
 * in it clicked, and — within {@link #AFTER} of it — a reply, a call that connected and a meeting
 * booked with the prospect.
 */
@Repository
class VariantExposures {

    /** How long after a variant a reply, a connected call or a booking still counts as following it. */
    static final Duration AFTER = Duration.ofDays(30);

    /** One variant's counts at one step, those given it that went out and what followed. */
    record Tally(
            String cadenceKey,
            int stepN,
            Channel channel,
            String variant,
            String template,
            long given,
            long sent,
            long opened,
            long clicked,
            long replied,
            long connected,
            long booked) {}

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final OutboxVariants outbox;
    private final Clock clock;

    VariantExposures(
            JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, OutboxVariants outbox, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    void on(WordingChosen chosen) {
        if (chosen.channel() == Channel.EMAIL && chosen.emailId() != null) {
            jdbc.sql(
                            """
                    insert into variant_exposures (id, prospect_id, owner_id, cadence_key, step_n, channel, variant,
                        template, email_id, planned_at)
                    values (?, ?, ?, ?, ?, 'EMAIL', ?, ?, ?, ?)
                    on conflict do nothing""")
                    .params(
                            UUID.randomUUID(),
                            chosen.prospectId(),
                            chosen.ownerId(),
                            chosen.cadenceKey(),
                            chosen.stepN(),
                            chosen.variant(),
                            chosen.template(),
                            chosen.emailId(),
                            Sql.ts(chosen.at()))
                    .update();
            return;
        }
        calls(List.of(chosen));
    }

    /** Many variants given at once (a page of prospects planned together): each recorded as {@link #on(WordingChosen)} does. */
    @EventListener
    void on(WordingsChosen chosen) {
        var calls = new ArrayList<WordingChosen>();
        for (var one : chosen.chosen()) {
            if (one.channel() == Channel.EMAIL && one.emailId() != null) {
                on(one);
            } else {
                calls.add(one);
            }
        }
        calls(calls);
    }

    /**
     * The calls' variants, in two batches: a call planned again (moved, replanned) is the same call, its
     * voicemail left once, so its row is updated; a call planned for the first time gets a row.
     */
    private void calls(List<WordingChosen> calls) {
        if (calls.isEmpty()) {
            return;
        }
        int[] moved = batch.batchUpdate(
                """
                update variant_exposures set planned_at = ?, variant = ?, template = ?, owner_id = ?
                 where prospect_id = ? and cadence_key = ? and step_n = ? and channel = 'CALL'
                   and exposed_at is null and connected_at is null""",
                calls.stream()
                        .map(c -> new Object[] {
                            Sql.ts(c.at()),
                            c.variant(),
                            c.template(),
                            c.ownerId(),
                            c.prospectId(),
                            c.cadenceKey(),
                            c.stepN()
                        })
                        .toList());
        var firsts = new ArrayList<Object[]>();
        for (int i = 0; i < calls.size(); i++) {
            if (moved[i] == 0) {
                var c = calls.get(i);
                firsts.add(new Object[] {
                    UUID.randomUUID(),
                    c.prospectId(),
                    c.ownerId(),
                    c.cadenceKey(),
                    c.stepN(),
                    c.variant(),
                    c.template(),
                    Sql.ts(c.at())
                });
            }
        }
        if (!firsts.isEmpty()) {
            batch.batchUpdate(
                    """
                    insert into variant_exposures (id, prospect_id, owner_id, cadence_key, step_n, channel, variant,
                        template, planned_at)
                    values (?, ?, ?, ?, ?, 'CALL', ?, ?, ?)""",
                    firsts);
        }
    }

    /** A voicemail left is the latest call variant given the prospect; a connection follows every variant. */
    @EventListener
    void on(CallLogged logged) {
        if (logged.outcome() == CallOutcome.VOICEMAIL) {
            jdbc.sql(
                            """
                    update variant_exposures set exposed_at = ?
                     where id = (select id from variant_exposures
                                  where prospect_id = ? and channel = 'CALL' and exposed_at is null
                                  order by planned_at desc limit 1)""")
                    .params(Sql.ts(logged.at()), logged.prospectId())
                    .update();
        } else if (logged.outcome() == CallOutcome.CONNECTED) {
            followed("connected_at", logged.prospectId(), logged.at());
        }
    }

    @EventListener
    void on(AppointmentBooked booked) {
        followed("booked_at", booked.prospectId(), clock.instant());
    }

    @EventListener
    void on(ProspectReplied replied) {
        followed("replied_at", replied.prospectId(), replied.at());
    }

    @EventListener
    void on(EmailOpened opened) {
        jdbc.sql("update variant_exposures set opened_at = ? where email_id = ? and opened_at is null")
                .params(Sql.ts(opened.at()), opened.emailId())
                .update();
    }

    /** A click in an email is also proof that it was opened, whether or not its images were loaded. */
    @EventListener
    void on(EmailLinkClicked clicked) {
        jdbc.sql(
                        """
                update variant_exposures set clicked_at = coalesce(clicked_at, ?), opened_at = coalesce(opened_at, ?)
                 where email_id = ?""")
                .params(Sql.ts(clicked.at()), Sql.ts(clicked.at()), clicked.emailId())
                .update();
    }

    /** Marks {@code column} on the prospect's variants given up to {@link #AFTER} before {@code at}. */
    private void followed(String column, UUID prospectId, Instant at) {
        jdbc.sql("update variant_exposures set " + column + " = ? where prospect_id = ? and " + column
                        + " is null and coalesce(exposed_at, planned_at) <= ? and coalesce(exposed_at, planned_at) > ?")
                .params(Sql.ts(at), prospectId, Sql.ts(at), Sql.ts(at.minus(AFTER)))
                .update();
    }

    /**
     * The variants sent (else planned) between {@code from} and {@code to} (of {@code ownerId}'s prospects, or
     * everyone's when null), counted per cadence step and variant. Emails are counted as sent once
     * the outbox sent them; that is read from it first for those not known to have gone out.
     */
    List<Tally> tally(Instant from, Instant to, UUID ownerId) {
        learnWhatWasSent(from, to);
        return jdbc.sql(
                        """
                select cadence_key, step_n, channel, variant, max(template) as template, count(*) as given,
                       count(exposed_at) as sent,
                       count(case when exposed_at is not null and opened_at is not null then 1 end) as opened,
                       count(case when exposed_at is not null and clicked_at is not null then 1 end) as clicked,
                       count(case when exposed_at is not null and replied_at is not null then 1 end) as replied,
                       count(case when exposed_at is not null and connected_at is not null then 1 end) as connected,
                       count(case when exposed_at is not null and booked_at is not null then 1 end) as booked
                  from variant_exposures
                 where coalesce(exposed_at, planned_at) >= :from and coalesce(exposed_at, planned_at) <= :to
                   and (cast(:owner as uuid) is null or owner_id = :owner)
                 group by cadence_key, step_n, channel, variant
                 order by cadence_key, step_n, variant""")
                .param("from", Sql.ts(from))
                .param("to", Sql.ts(to))
                .param("owner", ownerId)
                .query((rs, i) -> new Tally(
                        rs.getString("cadence_key"),
                        rs.getInt("step_n"),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getString("variant"),
                        rs.getString("template"),
                        rs.getLong("given"),
                        rs.getLong("sent"),
                        rs.getLong("opened"),
                        rs.getLong("clicked"),
                        rs.getLong("replied"),
                        rs.getLong("connected"),
                        rs.getLong("booked")))
                .list();
    }

    private void learnWhatWasSent(Instant from, Instant to) {
        var now = clock.instant();
        var waiting = jdbc.sql(
                        """
                select email_id from variant_exposures
                 where channel = 'EMAIL' and exposed_at is null and email_id is not null
                   and planned_at >= ? and planned_at <= ? and planned_at <= ?""")
                .params(Sql.ts(from), Sql.ts(to), Sql.ts(now))
                .query(UUID.class)
                .list();
        if (waiting.isEmpty()) {
            return;
        }
        var sent = outbox.sentAt(waiting);
        var batch = new ArrayList<Object[]>();
        sent.forEach((emailId, at) -> batch.add(new Object[] {Sql.ts(at), emailId}));
        for (var row : batch) {
            jdbc.sql("update variant_exposures set exposed_at = ? where email_id = ? and exposed_at is null")
                    .params(row)
                    .update();
        }
    }
}
