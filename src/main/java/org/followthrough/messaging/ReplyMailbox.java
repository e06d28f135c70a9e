package org.followthrough.messaging;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the replies mailbox over IMAP every {@code followthrough.mail.imap.poll-interval} (R21).
 * The folder is opened read-only, so the mailbox looks untouched to people who read it too; how far
 * it was read is kept per folder by UID, and every message is handled once by its Message-ID
 * whatever the UIDs say. Off when no IMAP host is configured.
 */
@Component
class ReplyMailbox implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplyMailbox.class);
    private static final int TIMEOUT_MS = 20_000;

    private final ImapSettings settings;
    private final MailboxCursors cursors;
    private final InboundEmails inbound;
    private ScheduledExecutorService timer;

    ReplyMailbox(ImapSettings settings, MailboxCursors cursors, InboundEmails inbound) {
        this.settings = settings;
        this.cursors = cursors;
        this.inbound = inbound;
    }

    /** Reads what arrived since the last round; returns how many new messages were handled. */
    synchronized int poll() throws MessagingException {
        if (!settings.configured()) {
            return 0;
        }
        var session = Session.getInstance(properties());
        try (var store = session.getStore(settings.protocol())) {
            store.connect(settings.host(), settings.port(), settings.user(), settings.password());
            var folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_ONLY);
            try {
                return read(folder, (UIDFolder) folder);
            } finally {
                folder.close(false);
            }
        }
    }

    private int read(Folder folder, UIDFolder uids) throws MessagingException {
        var validity = uids.getUIDValidity();
        long after = cursors.lastUid(settings.folder(), validity);
        int handled = 0;
        long last = after;
        for (var message : uids.getMessagesByUID(after + 1, UIDFolder.LASTUID)) {
            long uid = uids.getUID(message);
            if (uid <= after) {
                continue; // "n:*" names the newest message even when it is older than n
            }
            if (inbound.handle(MailboxMessages.read(message, settings.folder() + "/" + validity + "/" + uid))) {
                handled++;
            }
            last = Math.max(last, uid);
        }
        if (last > after) {
            cursors.remember(settings.folder(), validity, last);
        }
        return handled;
    }

    private Properties properties() {
        var p = new Properties();
        var prefix = "mail." + settings.protocol() + ".";
        p.put(prefix + "connectiontimeout", String.valueOf(TIMEOUT_MS));
        p.put(prefix + "timeout", String.valueOf(TIMEOUT_MS));
        return p;
    }

    private void pollQuietly() {
        try {
            int handled = poll();
            if (handled > 0) {
                log.info("{} new message(s) read from the replies mailbox", handled);
            }
        } catch (MessagingException | RuntimeException failed) {
            log.warn(
                    "The replies mailbox {}@{} could not be read: {}",
                    settings.user(),
                    settings.host(),
                    failed.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        if (!settings.configured() || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "replies-mailbox");
            t.setDaemon(true);
            return t;
        });
        long every = settings.pollInterval().toMillis();
        timer.scheduleWithFixedDelay(this::pollQuietly, every, every, TimeUnit.MILLISECONDS);
        log.info("Reading replies from {} on {} every {}", settings.folder(), settings.host(), settings.pollInterval());
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
