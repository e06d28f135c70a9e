package org.followthrough.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Pattern;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An email to a prospect goes out with its plain text first and an HTML version carrying a signed
 * one-pixel image: loading it is an EMAIL_OPEN signal, once per email; a forged image counts nothing.
 */
@ApplicationTest
class EmailOpenTrackingTest extends WithMailServers {

    static final Pattern PIXEL = Pattern.compile("src=\"http://localhost:8080(/t/o/[A-Za-z0-9_.-]+)\"");

    @Autowired
    Given given;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Value("${local.server.port}")
    int port;

    @Test
    void openingAnEmailIsOneOpenSignalForItsProspectHoweverOftenItIsOpened() throws Exception {
        var prospect = given.prospect(given.rep());
        var id = outbox.enqueue(new OutgoingEmail(
                "open/" + UUID.randomUUID(),
                prospect.id(),
                new Recipient(prospect.fullName(), prospect.email()),
                new Recipient("Robin Rep", "robin@team.example"),
                "Our call on Tuesday",
                "Hi Pat,\n\nthe notes are at https://example.com/notes?a=1&b=2.\n\nRobin\n",
                java.time.Instant.now().minusSeconds(1),
                false,
                null));
        deliverDue();

        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(EmailStatus.SENT);
        var message = receivedBy(prospect.email()).get(0);
        var parts = (Multipart) message.getContent();
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(text(message)).startsWith("Hi Pat,");
        var html = parts.getBodyPart(1).getContent().toString();
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(html).contains("<p>Hi Pat,</p>").contains("<a href=\"http://localhost:8080/t/c/");
        var pixel = PIXEL.matcher(html);
        assertThat(pixel.find()).as(html).isTrue();

        var first = get(pixel.group(1));
        get(pixel.group(1));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("image/gif");
        assertThat(opens(prospect.id())).isEqualTo(1);
    }

    @Test
    void aForgedImageIsStillAnImageButCountsNothing() throws Exception {
        var forged =
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("o|" + UUID.randomUUID()).getBytes());
        var before = jdbc.sql("select count(*) from signals where type = 'EMAIL_OPEN'")
                .query(Long.class)
                .single();

        assertThat(get("/t/o/" + forged + ".AAAAAAAAAAAAAAAAAAAAAA.gif").statusCode())
                .isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from signals where type = 'EMAIL_OPEN'")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    private long opens(UUID prospectId) {
        return jdbc.sql("select count(*) from signals where type = 'EMAIL_OPEN' and prospect_id = ?")
                .param(prospectId)
                .query(Long.class)
                .single();
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }
}
