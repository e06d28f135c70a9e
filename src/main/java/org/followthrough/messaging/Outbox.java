package org.followthrough.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.common.Refusal;
import org.followthrough.common.Sql;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where modules put the email they want sent. {@link #enqueue} joins the caller's transaction, so
 * the email exists exactly when the business change that asked for it was committed.
 */
@Service
public class Outbox {

    private static final String PENDING = EmailStatus.PENDING.name();
    /** The states of an email not yet gone out, waiting for its moment or being sent right now. */
    private static final List<String> WAITING = List.of(PENDING, EmailStatus.SENDING.name());

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MailSettings settings;
    private final Invitations invitations;
    private final UnsubscribeLinks unsubscribeLinks;
    private final TrackedLinks trackedLinks;
    private final ApplicationEventPublisher events;
    private final SendWindows windows;

    Outbox(
            JdbcClient jdbc,
            Clock clock,
            MailSettings settings,
            Invitations invitations,
            UnsubscribeLinks unsubscribeLinks,
            TrackedLinks trackedLinks,
            ApplicationEventPublisher events,
            SendWindows windows) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.invitations = invitations;
        this.unsubscribeLinks = unsubscribeLinks;
        this.trackedLinks = trackedLinks;
        this.events = events;
        this.windows = windows;
    }

    /** An address of this installation as the people it emails reach it, for links in an email. */
    public java.net.URI publicLink(String path) {
        return unsubscribeLinks.base().resolve(path);
    }

    /** Puts the email in the outbox unless one with the same dedupe key is there; returns its id. */
    @Transactional
    public UUID enqueue(OutgoingEmail email) {
        var now = clock.instant();
        var invitation = email.invitation();
        var id = UUID.randomUUID();
        var goes = email.dueAt().isAfter(now) ? email.dueAt() : now;
        var hold = windows.hold(email.prospectId(), email.bulk(), email.perDay(), goes, false);
        var expires =
                email.expiresAt() != null ? email.expiresAt() : email.dueAt().plus(settings.expireAfter());
        if (hold.isPresent()
                && hold.get().notBefore().plus(settings.expireAfter()).isAfter(expires)) {
            // held for the prospect's business hours, it stays worth sending as long after it can go
            expires = hold.get().notBefore().plus(settings.expireAfter());
        }
        jdbc.sql(
                        """
                insert into outbox (id, message_id, dedupe_key, prospect_id, to_name, to_address, rep_name,
                    rep_address, subject, body, bulk, ics, ics_method, status, due_at, next_attempt_at, expires_at,
                    created_at, not_before, hold_reason, per_day)
                values (:id, :messageId, :dedupeKey, :prospectId, :toName, :toAddress, :repName, :repAddress,
                    :subject, :body, :bulk, :ics, :icsMethod, :pending, :dueAt, :nextAttemptAt, :expiresAt, :now,
                    :notBefore, :holdReason, :perDay)
                on conflict do nothing""")
                .param("id", id)
                .param("pending", PENDING)
                .param("messageId", "<" + UUID.randomUUID() + "@" + settings.messageIdDomain() + ">")
                .param("dedupeKey", email.dedupeKey())
                .param("prospectId", email.prospectId())
                .param("toName", email.to().name())
                .param("toAddress", email.to().address())
                .param("repName", email.rep() == null ? null : email.rep().name())
                .param("repAddress", email.rep() == null ? null : email.rep().address())
                .param("subject", email.subject())
                .param("body", body(email, id))
                .param("bulk", email.bulk())
                .param("ics", invitation == null ? null : invitations.ics(invitation, now))
                .param(
                        "icsMethod",
                        invitation == null ? null : invitation.method().name())
                .param("dueAt", Sql.ts(email.dueAt()))
                .param(
                        "nextAttemptAt",
                        Sql.ts(hold.map(SendWindows.Hold::notBefore).orElse(email.dueAt())))
                .param("notBefore", hold.map(h -> Sql.ts(h.notBefore())).orElse(null))
                .param("holdReason", hold.map(SendWindows.Hold::reason).orElse(null))
                .param("perDay", email.perDay())
                .param("expiresAt", Sql.ts(expires))
                .param("now", Sql.ts(now))
                .update();
        return jdbc.sql("select id from outbox where dedupe_key = ?")
                .param(email.dedupeKey())
                .query(UUID.class)
                .single();
    }

    /** Puts several emails in the outbox in one transaction. */
    @Transactional
    public List<UUID> enqueueAll(List<OutgoingEmail> emails) {
        return emails.stream().map(this::enqueue).toList();
    }

    /** Cancels the email with this dedupe key if it has not gone out yet. */
    @Transactional
    public boolean cancel(String dedupeKey) {
        var prospectId = jdbc.sql("select prospect_id from outbox where dedupe_key = ? and status = ?")
                .params(dedupeKey, PENDING)
                .query((rs, n) -> Optional.ofNullable(Sql.uuid(rs, "prospect_id")))
                .optional();
        if (prospectId.isEmpty()) {
            return false;
        }
        return withdraw(prospectId.get().orElse(null), List.of(dedupeKey)) > 0;
    }

    /** Cancels every email still waiting for a prospect, for example when they replied or opted out. */
    @Transactional
    public int cancelPendingFor(UUID prospectId) {
        return withdraw(
                prospectId,
                jdbc.sql("select dedupe_key from outbox where prospect_id = ? and status = ?")
                        .params(prospectId, PENDING)
                        .query(String.class)
                        .list());
    }

    /**
     * Cancels the prospect's waiting emails whose dedupe key starts with {@code keyPrefix} (one
     * module's kind of email, such as a cadence's), leaving the others to go out.
     */
    @Transactional
    public int cancelPending(UUID prospectId, String keyPrefix) {
        return withdraw(
                prospectId,
                jdbc.sql("select dedupe_key from outbox where prospect_id = ? and status = ?"
                                + " and dedupe_key like ?")
                        .params(
                                prospectId,
                                PENDING,
                                keyPrefix.replace("%", "\\%").replace("_", "\\_") + "%")
                        .query(String.class)
                        .list());
    }

    /** Cancels those of these emails still waiting, and says which they were. */
    private int withdraw(UUID prospectId, List<String> dedupeKeys) {
        if (dedupeKeys.isEmpty()) {
            return 0;
        }
        var cancelled = new java.util.ArrayList<String>();
        int count = 0;
        for (int from = 0; from < dedupeKeys.size(); from += 500) {
            var chunk = dedupeKeys.subList(from, Math.min(dedupeKeys.size(), from + 500));
            int n = jdbc.sql("update outbox set status = :cancelled where dedupe_key in (:keys) and status = :pending")
                    .param("cancelled", EmailStatus.CANCELLED.name())
                    .param("pending", PENDING)
                    .param("keys", chunk)
                    .update();
            if (n > 0) {
                count += n;
                cancelled.addAll(chunk);
            }
        }
        if (!cancelled.isEmpty()) {
            events.publishEvent(new EmailsWithdrawn(prospectId, cancelled));
        }
        return count;
    }

    /**
     * Sends a FAILED email again (after the address was corrected, or the server's problem fixed):
     * back to PENDING, due now, with its attempts counted from zero and the same Message-ID. Consent
     * is asked again when it goes out.
     */
    @Transactional
    public OutboxEntry retry(UUID id) {
        var entry = find(id).orElseThrow(() -> Refusal.notFound("email", id));
        if (entry.status() != EmailStatus.FAILED) {
            throw Refusal.conflict("Only an email that FAILED can be sent again; this one is " + entry.status() + ".")
                    .with("status", entry.status().name());
        }
        if (entry.expiresAt() != null && !clock.instant().isBefore(entry.expiresAt())) {
            throw Refusal.conflict("This email was worth sending until " + entry.expiresAt()
                            + "; sent now it would arrive too late.")
                    .with("expiresAt", entry.expiresAt().toString());
        }
        jdbc.sql("update outbox set status = ?, attempts = 0, next_attempt_at = ?, claimed_by = null,"
                        + " claimed_at = null where id = ? and status = ?")
                .params(PENDING, Sql.ts(clock.instant()), id, EmailStatus.FAILED.name())
                .update();
        return find(id).orElseThrow();
    }

    /** Forgets every email to, from or about a prospect (erasure), replies read from the mailbox included. */
    @Transactional
    public int forget(UUID prospectId) {
        jdbc.sql("delete from inbound_emails where prospect_id = ? or from_address in"
                        + " (select lower(to_address) from outbox where prospect_id = ?)")
                .params(prospectId, prospectId)
                .update();
        return jdbc.sql("delete from outbox where prospect_id = ?")
                .param(prospectId)
                .update();
    }

    public Optional<OutboxEntry> find(UUID id) {
        return jdbc.sql(OutboxRows.SELECT + " where id = ?")
                .param(id)
                .query(OutboxRows::entry)
                .optional();
    }

    public List<OutboxEntry> list(EmailStatus status, UUID prospectId, int page, int size) {
        return jdbc.sql(
                        OutboxRows.SELECT
                                + """
                 where (cast(:status as varchar(20)) is null or status = :status)
                   and (cast(:prospectId as uuid) is null or prospect_id = :prospectId)
                 order by due_at desc, id
                 limit :size offset :offset""")
                .param("status", status == null ? null : status.name())
                .param("prospectId", prospectId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(OutboxRows::entry)
                .list();
    }

    /**
     * Why each of these emails still waiting is held back, in words ("goes at 08:00 Tue 18 Aug their
     * time: outside business hours (08:00–18:00 their time)"), by id; emails not held are left out.
     */
    public java.util.Map<UUID, String> holdReasons(java.util.Collection<UUID> ids) {
        var reasons = new java.util.HashMap<UUID, String>();
        if (ids.isEmpty()) {
            return reasons;
        }
        jdbc.sql("select id, hold_reason from outbox where id in (:ids) and hold_reason is not null"
                        + " and status in (:waiting)")
                .param("ids", List.copyOf(ids))
                .param("waiting", WAITING)
                .query((rs, n) -> reasons.put(Sql.uuid(rs, "id"), rs.getString("hold_reason")))
                .list();
        return reasons;
    }

    /** An email as the outbox page lists it, with the prospect's and their rep's names. */
    public record Listed(OutboxEntry email, String prospectName, String repName) {}

    /**
     * The outbox as people check it: what goes out next on top (waiting email by its next attempt),
     * then what went out or failed, the latest first.
     */
    public List<Listed> nextFirst(EmailStatus status, int page, int size) {
        return jdbc.sql(
                        OutboxRows.SELECT.replace("ics_method", "ics_method, to_name, rep_name")
                                + """
                 where (cast(:status as varchar(20)) is null or status = :status)
                 order by case when status in (:waiting) then 0 else 1 end,
                          case when status in (:waiting) then next_attempt_at end,
                          coalesce(sent_at, due_at) desc, id
                 limit :size offset :offset""")
                .param("status", status == null ? null : status.name())
                .param("waiting", WAITING)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) ->
                        new Listed(OutboxRows.entry(rs, row), rs.getString("to_name"), rs.getString("rep_name")))
                .list();
    }

    /**
     * The body as sent: links tracked (our own, such as unsubscribe, left alone), and for every email
     * to a prospect an unsubscribe link: a signature-separated footer on automated mail, a last line
     * on one-to-one mail.
     */
    private String body(OutgoingEmail email, UUID id) {
        var text = settings.trackLinks() ? trackedLinks.rewrite(email.text(), id) : email.text();
        if (email.prospectId() == null) {
            return text;
        }
        var link = unsubscribeLinks.page(email.prospectId()).toString();
        if (text.contains(link)) {
            return text;
        }
        var ending = text.endsWith("\n") ? text : text + "\n";
        return email.bulk()
                ? ending + "\n--\nTo stop receiving these emails: " + link + "\n"
                : ending + "\nIf you would rather not get emails from us: " + link + "\n";
    }
}
