package org.followthrough.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.team.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The text rule where the property test over request records cannot reach: a PATCH of changes (a map),
 * a query string, a form and an import file. Each refuses, naming the field (or row and column), and
 * stores nothing altered.
 */
@ApplicationTest
class TextHygieneTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aNulInANameIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        var rep = given.rep();
        var email = "null-byte-" + tag() + "@example.com";
        var answer = mvc.post()
                .uri("/api/v1/prospects")
                .header("Authorization", given.bearer(rep))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"fullName\":\"Null\\u0000Byte\",\"email\":\"" + email + "\",\"country\":\"US\"}")
                .exchange();

        assertThat(answer).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(answer.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(body(answer).get("errors").get(0).get("field").asString()).isEqualTo("fullName");
        assertThat(body(answer).get("detail").asString()).contains("U+0000");
        assertThat(get(rep, "/api/v1/prospects?q=" + email).get("total").asLong())
                .isZero();
    }

    @Test
    void aRightToLeftOverrideInAChangeIsRefusedAndTheNameStaysAsItWas() throws Exception {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        var answer = mvc.patch()
                .uri("/api/v1/prospects/" + prospect.id())
                .header("Authorization", given.bearer(rep))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"fullName\":\"Eve \\u202Egnp.exe\"}")
                .exchange();

        assertThat(answer).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(answer).get("errors").get(0).get("field").asString()).isEqualTo("fullName");
        assertThat(body(answer).get("detail").asString()).contains("U+202E", "bidirectional");
        assertThat(get(rep, "/api/v1/prospects/" + prospect.id())
                        .get("fullName")
                        .asString())
                .isEqualTo(prospect.fullName());
    }

    @Test
    void aTabInANameIsRefusedWhileNotesKeepTheirLines() throws Exception {
        var rep = given.rep();
        var tab = mvc.post()
                .uri("/api/v1/prospects")
                .header("Authorization", given.bearer(rep))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"fullName\":\"Tab\\tName\",\"email\":\"tab-" + tag() + "@example.com\"}")
                .exchange();
        assertThat(tab).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(tab).get("detail").asString()).contains("single line");

        var prospect = given.prospect(rep);
        var call = mvc.post()
                .uri("/api/v1/prospects/" + prospect.id() + "/calls")
                .header("Authorization", given.bearer(rep))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"NO_ANSWER\",\"notes\":\"Line one\\nLine two\\tindented\"}")
                .exchange();
        assertThat(call).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void aControlCharacterInAQueryStringIsRefusedNamingTheParameter() throws Exception {
        var rep = given.rep();
        var answer = mvc.get()
                .uri("/api/v1/prospects?q={q}", "a\u0007b")
                .header("Authorization", given.bearer(rep))
                .exchange();

        assertThat(answer).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(answer).get("errors").get(0).get("field").asString()).isEqualTo("q");
    }

    @Test
    void aFormWithABidirectionalOverrideIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
        var rep = given.rep();
        var prospect = given.prospect(rep);
        var answer = mvc.post()
                .uri("/prospects/" + prospect.id())
                .with(httpBasic(rep.email(), Given.PASSWORD))
                .with(csrf())
                .param("fullName", prospect.fullName())
                .param("title", "CEO\u202E")
                .accept(MediaType.TEXT_HTML)
                .exchange();

        assertThat(answer).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(answer.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("title")
                .contains("U+202E");
        assertThat(get(rep, "/api/v1/prospects/" + prospect.id()).path("title").asString(""))
                .doesNotContain("\u202E");
    }

    @Test
    void anImportRowWithAControlCharacterIsRejectedNamingRowAndColumn() throws Exception {
        var rep = given.rep();
        var tag = tag();
        var csv = "Full Name,Email\nGood Row,good." + tag + "@example.com\nBell\u0007Row,bell." + tag
                + "@example.com\nTrailing Tab\t,tab." + tag + "@example.com\n";
        var started = mvc.post()
                .uri("/api/v1/imports")
                .header("Authorization", given.bearer(rep))
                .contentType(MediaType.parseMediaType("text/csv"))
                .content(csv.getBytes(StandardCharsets.UTF_8))
                .exchange();
        assertThat(started).hasStatus(HttpStatus.ACCEPTED);
        var status = await(rep, started.getResponse().getHeader("Location"));

        assertThat(status.get("imported").asLong()).isEqualTo(1);
        assertThat(status.get("rejected").asLong()).isEqualTo(2);
        assertThat(status.get("errors").get(0).get("row").asLong()).isEqualTo(3);
        assertThat(status.get("errors").get(0).get("column").asString()).isEqualTo("Full Name");
        assertThat(status.get("errors").get(0).get("message").asString()).contains("U+0007");
        assertThat(status.get("errors").get(1).get("row").asLong()).isEqualTo(4);
        assertThat(status.get("errors").get(1).get("message").asString()).contains("single line");
        assertThat(get(rep, "/api/v1/prospects?q=bell." + tag).get("total").asLong())
                .isZero();
    }

    private JsonNode await(Member member, String location) throws Exception {
        var deadline = System.nanoTime() + 30_000_000_000L;
        var status = get(member, location);
        while (status.get("status").asString().equals("RUNNING") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            status = get(member, location);
        }
        return status;
    }

    private JsonNode get(Member member, String uri) throws Exception {
        var result =
                mvc.get().uri(uri).header("Authorization", given.bearer(member)).exchange();
        assertThat(result).hasStatusOk();
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private JsonNode body(org.springframework.test.web.servlet.assertj.MvcTestResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
