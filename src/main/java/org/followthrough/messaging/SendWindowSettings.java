package org.followthrough.messaging;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When automated email (cadence steps: first-time-call emails, nurture, post-sale) may leave.
 *
 * @param opens the start of the prospect's business hours, their local time (default 08:00)
 * @param closes the end of the prospect's business hours, their local time (default 18:00); an email
 *     leaves before it
 * @param perProspectPerDay automated emails one prospect gets on one of their days at most (default 1)
 * @param dailyLimit automated emails the sending mailbox sends in any 24 hours at most (default 200),
 *     spread over the day: in any hour at most this limit divided by the business hours' length
 */
@ConfigurationProperties("followthrough.mail.send-window")
record SendWindowSettings(LocalTime opens, LocalTime closes, Integer perProspectPerDay, Integer dailyLimit) {

    SendWindowSettings {
        opens = opens == null ? LocalTime.of(8, 0) : opens;
        closes = closes == null ? LocalTime.of(18, 0) : closes;
        perProspectPerDay = perProspectPerDay == null ? 1 : perProspectPerDay;
        dailyLimit = dailyLimit == null ? 200 : dailyLimit;
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("followthrough.mail.send-window.opens must be before closes");
        }
        if (perProspectPerDay < 1 || dailyLimit < 1) {
            throw new IllegalArgumentException("followthrough.mail.send-window caps must be at least 1");
        }
    }

    /** Automated emails the mailbox sends in any one hour at most: the daily limit spread over the business hours. */
    int perHour() {
        long minutes = Math.max(60, Duration.between(opens, closes).toMinutes());
        return (int) Math.max(1, Math.ceil(dailyLimit * 60.0 / minutes));
    }
}
