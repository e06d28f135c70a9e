package org.followthrough.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Automatic replies as mail programs send them, and replies people write that look a little like them. */
class AutoRepliesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                // Exchange / Outlook out-of-office
                "Subject: Automatic reply: Our call on Thursday\nAuto-Submitted: auto-replied\n"
                        + "X-Auto-Response-Suppress: All\nX-MS-Exchange-Inbox-Rules-Loop: pat@acme.example",
                // Gmail vacation responder
                "Subject: Re: Our call on Thursday\nAuto-Submitted: auto-replied\nPrecedence: bulk",
                // a vacation program that says so in a header of its own
                "Subject: Away until Monday\nX-Autoreply: yes",
                "Subject: Re: Our call\nX-Autorespond: Away",
                // Sendmail vacation(1)
                "Subject: I am away\nPrecedence: junk",
                "Subject: Thanks for your message\nPrecedence: auto_reply",
                // German Outlook, no header at all
                "Subject: Abwesenheitsnotiz: Unser Termin am Donnerstag",
                "Subject: Out of Office: Our call on Thursday",
                "Subject: Out of Office"
            })
    void anAutomaticReplyIsRecognised(String headers) throws Exception {
        var message = message(headers);

        assertThat(AutoReplies.isAutomatic(message, message.getSubject())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // Outlook puts this on messages people write: it asks others not to auto-reply
                "Subject: RE: Our call on Thursday\nX-Auto-Response-Suppress: DR, RN, NRN, OOF, AutoReply",
                "Subject: Re: Out of office coverage while I'm away\nX-Auto-Response-Suppress: All",
                "Subject: Thursday works, but I am out of office on Friday",
                "Subject: Re: Our call\nAuto-Submitted: no",
                "Subject: Re: Automatic replies in your product?\nPrecedence: first-class"
            })
    void aReplySomebodyWroteIsNot(String headers) throws Exception {
        var message = message(headers);

        assertThat(AutoReplies.isAutomatic(message, message.getSubject())).isFalse();
    }

    private static MimeMessage message(String headers) throws Exception {
        var raw = ("From: Pat Lee <pat@acme.example>\nTo: replies@followthrough.test\n"
                        + "Message-ID: <1@acme.example>\n" + headers + "\n\nThursday works for me.\n")
                .replace("\n", "\r\n");
        return new MimeMessage(
                Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }
}
