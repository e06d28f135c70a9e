package org.followthrough.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Large bodies are refused before anything reads them, signed in or not; only the import upload paths
 * take large files. Sent to the real server, since the container's own multipart parsing is the risk.
 */
@ApplicationTest
class UploadLimitsTest {

    @Autowired
    Given given;

    @Value("${local.server.port}")
    int port;

    @Test
    void aStrangersLargeMultipartPostToTheSignInFormIsRefusedBeforeItsBodyIsRead() throws Exception {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("POST /login HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: multipart/form-data; boundary=xyz\r\n"
                            + "Content-Length: " + 5 * 1024 * 1024 + "\r\n\r\n"
                            + "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the rest of the 5 MB never comes: an answer now shows nobody waited to read or spool it
            var status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(status).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void aFileLargerThanAFormIsStillTakenOnTheImportPage() throws Exception {
        var rep = given.rep();
        var basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((rep.email() + ":" + Given.PASSWORD).getBytes(StandardCharsets.UTF_8));
        var http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        var page = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/imports"))
                        .header("Authorization", basic)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        var csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as("the form carries its CSRF token").isTrue();

        var tag = UUID.randomUUID().toString().substring(0, 8);
        var csv = new StringBuilder("Full Name,Email,Notes\n");
        csv.append("Big File,big.")
                .append(tag)
                .append("@example.com,")
                .append("n".repeat(600 * 1024))
                .append('\n');
        var body = "--xyz\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf.group(1) + "\r\n"
                + "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--xyz--\r\n";
        var upload = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/imports"))
                        .header("Authorization", basic)
                        .header("Content-Type", "multipart/form-data; boundary=xyz")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(302);
        assertThat(upload.headers().firstValue("Location").orElseThrow()).contains("/imports/");

        var form = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/tokens"))
                        .header("Authorization", basic)
                        .header("Content-Type", "multipart/form-data; boundary=xyz")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).as("any other page keeps the small limit").isEqualTo(413);
    }
}
