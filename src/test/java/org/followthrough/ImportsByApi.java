package org.followthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A CSV file imported through {@code POST /api/v1/imports} as a client does it: sent, then polled until it ends. */
public final class ImportsByApi {

    private ImportsByApi() {}

    /** Imports the file as the holder of {@code bearer} and returns the finished import's status, which must be DONE. */
    public static JsonNode importAndWait(MockMvcTester mvc, ObjectMapper json, String bearer, String csv)
            throws Exception {
        var started = mvc.post()
                .uri("/api/v1/imports")
                .header("Authorization", bearer)
                .contentType(MediaType.parseMediaType("text/csv"))
                .content(csv.getBytes(StandardCharsets.UTF_8))
                .exchange();
        assertThat(started).hasStatus(HttpStatus.ACCEPTED);
        var location = started.getResponse().getHeader("Location");
        var deadline = System.nanoTime() + 120_000_000_000L;
        var status = get(mvc, json, bearer, location);
        // the import runs on a thread of its own, not a listener: its status is what says it ended
        while (status.get("status").asString().equals("RUNNING") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            status = get(mvc, json, bearer, location);
        }
        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DONE");
        return status;
    }

    private static JsonNode get(MockMvcTester mvc, ObjectMapper json, String bearer, String uri) throws Exception {
        var result = mvc.get().uri(uri).header("Authorization", bearer).exchange();
        assertThat(result).hasStatusOk();
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
