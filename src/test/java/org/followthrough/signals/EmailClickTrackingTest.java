package org.followthrough.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.messaging.Outbox;
import org.followthrough.messaging.OutgoingEmail;
import org.followthrough.messaging.Recipient;
import org.followthrough.prospects.Prospect;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Clicks in the email FollowThrough sends come back as EMAIL_CLICK signals through signed links. */
@ApplicationTest
class EmailClickTrackingTest {

    static final Pattern TRACKED = Pattern.compile("http://localhost:8080(/t/c/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");

    @Autowired
    Given given;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Value("${local.server.port}")
    int port;

    @Test
    void aClickOnALinkInOurEmailRedirectsToItAndBecomesAStoredMatchedSignal() throws Exception {
        var prospect = given.prospect(given.rep());
        var path = trackedLinkIn(sent(prospect, "See https://example.com/pricing?plan=team. Thanks!"));

        var response = get(path);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("https://example.com/pricing?plan=team");
        var signal = jdbc.sql("select type, url from signals where prospect_id = ?")
                .param(prospect.id())
                .query((rs, i) -> rs.getString("type") + " " + rs.getString("url"))
                .single();
        assertThat(signal).isEqualTo("EMAIL_CLICK https://example.com/pricing?plan=team");
        // announced as SignalReceived like any webhook: the click raises a trigger call
        given.after(() -> jdbc.sql("select count(*) from tasks where prospect_id = ? and kind = 'TRIGGER'")
                                .param(prospect.id())
                                .query(Long.class)
                                .single()
                        == 1
                ? true
                : null);
    }

    @Test
    void theEmailKeepsItsSentenceAndOurOwnLinksUntracked() {
        var prospect = given.prospect(given.rep());
        var body = sent(prospect, "Read https://example.com/a, then http://localhost:8080/unsubscribe/x.");
        assertThat(body).startsWith("Read http://localhost:8080/t/c/");
        assertThat(body).contains(", then http://localhost:8080/unsubscribe/x.");
        assertThat(body).doesNotContain("example.com/a");
    }

    @Test
    void aTamperedTokenIsNotFoundAndTheQueryStringCannotChooseWhereToGo() throws Exception {
        var prospect = given.prospect(given.rep());
        var path = trackedLinkIn(sent(prospect, "https://example.com/demo"));
        var token = path.substring("/t/c/".length());
        var payload = token.substring(0, token.indexOf('.'));
        var forgedPayload = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("c|" + UUID.randomUUID() + "|https://evil.example/").getBytes());

        assertThat(get("/t/c/" + forgedPayload + token.substring(token.indexOf('.')))
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/t/c/" + payload + ".AAAAAAAAAAAAAAAAAAAAAA").statusCode())
                .isEqualTo(404);
        var redirected = get(path + "?url=https://evil.example/&to=https://evil.example/");
        assertThat(redirected.statusCode()).isEqualTo(302);
        assertThat(redirected.headers().firstValue("Location")).hasValue("https://example.com/demo");
    }

    private String sent(Prospect prospect, String text) {
        var id = outbox.enqueue(new OutgoingEmail(
                "test/" + UUID.randomUUID(),
                prospect.id(),
                new Recipient(prospect.fullName(), prospect.email()),
                null,
                "Following up",
                text,
                Instant.now().plusSeconds(3600),
                false,
                null));
        return jdbc.sql("select body from outbox where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private static String trackedLinkIn(String body) {
        var matcher = TRACKED.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        var client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
