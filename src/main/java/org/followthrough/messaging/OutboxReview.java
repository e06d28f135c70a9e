package org.followthrough.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Nullable;
import org.followthrough.common.Refusal;
import org.followthrough.common.Sql;
import org.followthrough.team.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An email opened whole (body, headers, invitation), and the drafts a rep approves: a cadence step
 * marked "review before sending" writes its email as {@link EmailStatus#REVIEW}, which never goes
 * out until its rep sends it; an email still waiting (under review or pending) can be edited, skipped
 * or sent now. A rep reaches only the emails sent in their name; managers and admins every one.
 */
@Service
public class OutboxReview {

    private static final String PENDING = EmailStatus.PENDING.name();
    private static final String REVIEW = EmailStatus.REVIEW.name();

    static final int MAX_SUBJECT = 998;
    static final int MAX_BODY = 100_000;

    /** An email as the outbox holds it, whole. */
    public record Email(
            UUID id,
            @Nullable UUID prospectId,
            EmailStatus status,
            String messageId,
            String from,
            String to,
            @Nullable String replyTo,
            String subject,
            String body,
            @Nullable String variant,
            Instant dueAt,
            @Nullable Instant sentAt,
            @Nullable Instant expiresAt,
            @Nullable String lastError,
            @Nullable String invitation) {

        public boolean waiting() {
            return status == EmailStatus.REVIEW || status == EmailStatus.PENDING;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MailSettings settings;
    private final TrackedLinks trackedLinks;
    private final ApplicationEventPublisher events;

    OutboxReview(
            JdbcClient jdbc,
            Clock clock,
            MailSettings settings,
            TrackedLinks trackedLinks,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.trackedLinks = trackedLinks;
        this.events = events;
    }

    /** The email waits for its rep's approval instead of going out when due. */
    @Transactional
    public void holdForReview(UUID emailId) {
        jdbc.sql("update outbox set status = ? where id = ? and status = ?")
                .params(REVIEW, emailId, PENDING)
                .update();
    }

    /** The email whole; 404 for an email a rep did not send. */
    public Email open(Actor actor, UUID id) {
        var email = jdbc.sql(
                        """
                select id, prospect_id, status, message_id, rep_name, rep_address, to_name, to_address, subject, body,
                       variant, due_at, sent_at, expires_at, last_error, ics
                  from outbox where id = ?""")
                .param(id)
                .query((rs, i) -> new Row(
                        rs.getString("rep_address"),
                        new Email(
                                Sql.uuid(rs, "id"),
                                Sql.uuid(rs, "prospect_id"),
                                EmailStatus.valueOf(rs.getString("status")),
                                rs.getString("message_id"),
                                address(rs.getString("rep_name"), settings.from()),
                                address(rs.getString("to_name"), rs.getString("to_address")),
                                rs.getString("rep_address") == null
                                        ? null
                                        : address(rs.getString("rep_name"), rs.getString("rep_address")),
                                rs.getString("subject"),
                                rs.getString("body"),
                                rs.getString("variant"),
                                Sql.instant(rs, "due_at"),
                                Sql.instant(rs, "sent_at"),
                                Sql.instant(rs, "expires_at"),
                                rs.getString("last_error"),
                                rs.getString("ics"))))
                .optional()
                .filter(row -> mayReach(actor, row.repAddress()))
                .orElseThrow(() -> Refusal.notFound("email", id));
        return email.email();
    }

    private record Row(String repAddress, Email email) {}

    /** The drafts waiting for review: a rep's own, or everyone's for a manager; the earliest due first. */
    public List<Email> toReview(Actor actor) {
        return jdbc
                .sql(
                        """
                select id from outbox where status = :review
                   and (cast(:rep as varchar(320)) is null or lower(rep_address) = :rep)
                 order by due_at, id limit 200""")
                .param("review", REVIEW)
                .param("rep", actor.seesWholeTeam() ? null : actor.email().toLowerCase(Locale.ROOT))
                .query(UUID.class)
                .list()
                .stream()
                .map(id -> open(actor, id))
                .toList();
    }

    /** Changes a waiting email's subject and body; 409 once it went out or was withdrawn. */
    @Transactional
    public Email edit(Actor actor, UUID id, String subject, String body) {
        var email = open(actor, id);
        var problems = new InvalidInput.Collector();
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
            problems.add("subject", "is required, one line of at most " + MAX_SUBJECT + " characters");
        } else if (subject.contains("\n") || subject.contains("\r")) {
            problems.add("subject", "must be one line");
        }
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            problems.add("body", "is required, at most " + MAX_BODY + " characters");
        }
        problems.throwIfAny();
        var text = settings.trackLinks() ? trackedLinks.rewrite(body, id) : body;
        change(email, "subject = ?, body = ?", subject.strip(), text);
        return open(actor, id);
    }

    /** Withdraws a waiting email: it is never sent. */
    @Transactional
    public Email skip(Actor actor, UUID id) {
        var email = open(actor, id);
        change(email, "status = ?", EmailStatus.CANCELLED.name());
        var key = jdbc.sql("select dedupe_key from outbox where id = ?")
                .param(id)
                .query(String.class)
                .single();
        events.publishEvent(new EmailsWithdrawn(email.prospectId(), List.of(key)));
        return open(actor, id);
    }

    /** Sends a waiting email at once (an approved draft, or one due later): due now, worth sending for the usual time. */
    @Transactional
    public Email sendNow(Actor actor, UUID id) {
        var email = open(actor, id);
        var now = clock.instant();
        var expires = now.plus(settings.expireAfter());
        change(
                email,
                "status = ?, due_at = ?, next_attempt_at = ?, expires_at = ?",
                PENDING,
                Sql.ts(now),
                Sql.ts(now),
                Sql.ts(email.expiresAt() != null && email.expiresAt().isAfter(expires) ? email.expiresAt() : expires));
        return open(actor, id);
    }

    private void change(Email email, String set, Object... values) {
        if (!email.waiting()) {
            throw Refusal.conflict("This email is " + email.status().name().toLowerCase(Locale.ROOT)
                    + "; only an email waiting to go out can be changed.");
        }
        var params = new java.util.ArrayList<Object>(List.of(values));
        params.add(email.id());
        params.add(email.status().name());
        int changed = jdbc.sql("update outbox set " + set + " where id = ? and status = ?")
                .params(params)
                .update();
        if (changed == 0) {
            throw Refusal.conflict("This email changed meanwhile (it may be going out now); open it again.");
        }
    }

    private static boolean mayReach(Actor actor, String repAddress) {
        return actor.seesWholeTeam() || (repAddress != null && repAddress.equalsIgnoreCase(actor.email()));
    }

    private static String address(String name, String address) {
        if (address == null) {
            return null;
        }
        return name == null || name.isBlank() ? address : name + " <" + address + ">";
    }
}
