package org.followthrough.calls;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.followthrough.Given;
import org.followthrough.prospects.Prospect;
import org.followthrough.team.Member;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The engine's API as a rep's client calls it, for the full-stack tests of this package. */
public record EngineApi(MockMvcTester mvc, Given given, ObjectMapper json) {

    public MvcTestResult log(Member member, Prospect prospect, String body) {
        return mvc.post()
                .uri("/api/v1/prospects/" + prospect.id() + "/calls")
                .header("Authorization", given.bearer(member))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    public List<JsonNode> queue(Member member) {
        var items = new ArrayList<JsonNode>();
        body(get(member, "/api/v1/queue")).forEach(items::add);
        return items;
    }

    /** The member's queue items for one prospect. */
    public List<JsonNode> queue(Member member, Prospect prospect) {
        return queue(member).stream()
                .filter(i -> i.get("prospectId").asString().equals(prospect.id().toString()))
                .toList();
    }

    public JsonNode timeline(Member member, Prospect prospect) {
        return body(get(member, "/api/v1/prospects/" + prospect.id() + "/timeline"));
    }

    public JsonNode preview(Member member, String request) {
        return body(mvc.post()
                .uri("/api/v1/cadences/preview")
                .header("Authorization", given.bearer(member))
                .contentType(MediaType.APPLICATION_JSON)
                .content(request)
                .exchange());
    }

    public MvcTestResult get(Member member, String uri) {
        return mvc.get().uri(uri).header("Authorization", given.bearer(member)).exchange();
    }

    public JsonNode body(MvcTestResult result) {
        try {
            return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
