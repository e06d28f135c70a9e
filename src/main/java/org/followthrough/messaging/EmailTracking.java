package org.followthrough.messaging;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.followthrough.common.Sql;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What happens when someone follows a tracked link: where they go, and {@link EmailLinkClicked} for the rest. */
@Service
public class EmailTracking {

    private final TrackedLinks links;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EmailTracking(TrackedLinks links, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.links = links;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The original link inside a genuine token (empty for a forged or damaged one). The click is told
     * to other modules when the email is still known; an erased person's links still lead on, untracked.
     */
    @Transactional
    public Optional<URI> click(String token) {
        var click = links.verify(token);
        click.ifPresent(c -> jdbc.sql("select prospect_id, to_address from outbox where id = ?")
                .param(c.emailId())
                .query((rs, i) -> new EmailLinkClicked(
                        clickId(c, clock.instant()),
                        c.emailId(),
                        Sql.uuid(rs, "prospect_id"),
                        rs.getString("to_address"),
                        c.link().toString(),
                        clock.instant()))
                .optional()
                .ifPresent(events::publishEvent));
        return click.map(TrackedLinks.Click::link);
    }

    /**
     * The same link of the same email followed again within ten minutes is the same click: a mail
     * scanner opening every link, or a double click, raises one signal, not several.
     */
    private static String clickId(TrackedLinks.Click click, java.time.Instant at) {
        var link = UUID.nameUUIDFromBytes(click.link().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "email-click-" + click.emailId() + "-" + link + "-" + at.getEpochSecond() / 600;
    }

    /** Where a genuine token leads, without counting a click. */
    public Optional<URI> destination(String token) {
        return links.verify(token).map(TrackedLinks.Click::link);
    }

    /** An open told by the tracking image of a genuine token; a forged one is ignored. */
    @Transactional
    public void open(String token) {
        links.verifyOpen(token)
                .flatMap(emailId -> jdbc.sql("select prospect_id, to_address from outbox where id = ?")
                        .param(emailId)
                        .query((rs, i) -> new EmailOpened(
                                emailId, Sql.uuid(rs, "prospect_id"), rs.getString("to_address"), clock.instant()))
                        .optional())
                .ifPresent(events::publishEvent);
    }
}
