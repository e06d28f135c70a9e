package org.followthrough.prospects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.team.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Prospects by API: phones and time zones normalised, duplicates named, access per owner, erasure. */
@ApplicationTest
class ProspectApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Test
    void aPhoneIsStoredInE164AndGivesTheTimeZoneOfItsArea() {
        var rep = given.rep();
        var created = post(rep, body("Dana Cruz", unique("dana"), "(312) 555-0147", "United States", null));
        assertThat(created).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/v1/prospects/" + id(created));
        var json = assertThat(created).bodyJson();
        json.extractingPath("$.phoneE164").isEqualTo("+13125550147");
        json.extractingPath("$.country").isEqualTo("US");
        json.extractingPath("$.timeZone").isEqualTo("America/Chicago");
        json.extractingPath("$.timeZoneSource").isEqualTo("PHONE");
        json.extractingPath("$.stage").isEqualTo("NEW");
        json.extractingPath("$.owner").isEqualTo(rep.email());
    }

    @Test
    void theTimeZoneComesFromWhatIsKnownMostCertainlyFirst() {
        var rep = given.rep();
        assertThat(post(rep, body("Given Zone", unique("g"), "+49 30 901820", "DE", "Asia/Tokyo")))
                .bodyJson()
                .extractingPath("$.timeZoneSource")
                .isEqualTo("GIVEN");
        var byCountry = post(rep, body("Country Only", unique("c"), null, "Deutschland", null));
        assertThat(byCountry).bodyJson().extractingPath("$.timeZone").isEqualTo("Europe/Berlin");
        assertThat(byCountry).bodyJson().extractingPath("$.timeZoneSource").isEqualTo("COUNTRY");
        var byDefault = post(rep, body("Nothing Known", unique("d"), null, null, null));
        assertThat(byDefault).bodyJson().extractingPath("$.timeZoneSource").isEqualTo("DEFAULT");
    }

    @Test
    void aCountryWithSeveralZonesTakesTheMostPopulousAndSaysSo() {
        var rep = given.rep();
        var json = assertThat(post(rep, body("Sam Reed", unique("sam"), null, "USA", null)))
                .bodyJson();
        json.extractingPath("$.timeZone").isEqualTo("America/New_York");
        json.extractingPath("$.timeZoneNote").asString().contains("most populous");
    }

    @Test
    void aKnownEmailIsRefusedWithTheExistingRecordUnlessAnUpdateIsAskedFor() {
        var rep = given.rep();
        var email = unique("known");
        var first = id(post(rep, body("Kim Park", email, null, "US", null)));

        var again = post(rep, body("Kim Park-Lee", email.toUpperCase(), null, "US", null));
        assertThat(again)
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.existingId")
                .isEqualTo(first);

        var updated = mvc.post()
                .uri("/api/v1/prospects?ifExists=update")
                .header("Authorization", given.bearer(rep))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("Kim Park-Lee", email, null, "US", null))
                .exchange();
        assertThat(updated).hasStatusOk().bodyJson().extractingPath("$.id").isEqualTo(first);
        assertThat(updated).bodyJson().extractingPath("$.fullName").isEqualTo("Kim Park-Lee");
    }

    @Test
    void anotherRepsProspectWithTheSameEmailIsRefusedWithoutSayingWhoOwnsThem() {
        var owner = given.rep();
        var email = unique("owned");
        var id = id(post(owner, body("Owned Person", email, null, "US", null)));
        var prober = given.rep();

        for (var uri : new String[] {"/api/v1/prospects", "/api/v1/prospects?ifExists=update"}) {
            var refused = mvc.post()
                    .uri(uri)
                    .header("Authorization", given.bearer(prober))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body("Probe", email, null, "US", null))
                    .exchange();
            assertThat(refused).hasStatus(HttpStatus.CONFLICT);
            var text = contentOf(refused);
            assertThat(text)
                    .contains("already exists in the team; ask a manager")
                    .doesNotContain("another rep", owner.email(), owner.fullName(), "Owned Person", id);
        }
    }

    @Test
    void aRepNeverSeesAnotherRepsProspectsAndAManagerSeesThemAll() {
        var owner = given.rep();
        var other = given.rep();
        var id = id(post(owner, body("Private Person", unique("private"), null, "US", null)));

        assertThat(get(other, "/api/v1/prospects/" + id)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.patch()
                        .uri("/api/v1/prospects/" + id)
                        .header("Authorization", given.bearer(other))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Hacked\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.delete().uri("/api/v1/prospects/" + id).header("Authorization", given.bearer(other)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(get(other, "/api/v1/prospects?q=Private Person"))
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(0);
        assertThat(get(given.manager(), "/api/v1/prospects/" + id)).hasStatusOk();
        assertThat(get(owner, "/api/v1/prospects?q=private person"))
                .bodyJson()
                .extractingPath("$.items[0].id")
                .isEqualTo(id);
    }

    @Test
    void patchChangesTheNamedFieldsAndMovesAnInferredZoneWithThePhone() {
        var rep = given.rep();
        var id = id(post(rep, body("Lee Moved", unique("moved"), "+1 212 555 0100", "US", null)));
        var changed = mvc.patch()
                .uri("/api/v1/prospects/" + id)
                .header("Authorization", given.bearer(rep))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\":\"+1 415 555 0100\",\"decisionRole\":\"decision maker\",\"doNotCall\":true}")
                .exchange();
        var json = assertThat(changed).hasStatusOk().bodyJson();
        json.extractingPath("$.timeZone").isEqualTo("America/Los_Angeles");
        json.extractingPath("$.decisionRole").isEqualTo("DECISION_MAKER");
        json.extractingPath("$.doNotCall").isEqualTo(true);
        json.extractingPath("$.fullName").isEqualTo("Lee Moved");
    }

    @Test
    void badFieldsAreNamedWithWhatToFixAndNothingIsStored() {
        var rep = given.rep();
        var email = unique("bad");
        var bad =
                """
                {"fullName":"Bad Input","email":"%s","phone":"12","country":"Atlantis","timeZone":"Mars/Base",
                 "decisionRole":"BOSS"}"""
                        .formatted(email);
        var json = assertThat(post(rep, bad))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson();
        json.extractingPath("$.errors[*].field").asArray().contains("phone", "country", "timeZone", "decisionRole");
        json.extractingPath("$.errors[?(@.field == 'phone')].message")
                .asArray()
                .singleElement()
                .asString()
                .as("a country that was not understood is not replaced by the default in the phone's message")
                .doesNotContain(" in US")
                .contains("country code");
        assertThat(post(rep, "{\"fullName\":\"x\",\"email\":\"not-an-email\"}"))
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("email");
        assertThat(post(rep, "{\"fullName\": ")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(get(rep, "/api/v1/prospects?q=" + email))
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(0);
        var id = id(post(rep, body("Patch Target", unique("pt"), null, "US", null)));
        assertThat(mvc.patch()
                        .uri("/api/v1/prospects/" + id)
                        .header("Authorization", given.bearer(rep))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"shoeSize\":44}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("shoeSize");
    }

    @Test
    void nulAndOtherControlCharactersAreRefusedNamingTheField() {
        var rep = given.rep();
        var email = unique("nul");
        var created = post(rep, "{\"fullName\":\"Nul\\u0000Byte\",\"email\":\"" + email + "\"}");
        assertThat(created)
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("fullName");
        assertThat(created)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("control character");
        assertThat(get(rep, "/api/v1/prospects?q=" + email))
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(0);

        var id = id(post(rep, body("Bell Title", unique("bell"), null, "US", null)));
        assertThat(mvc.patch()
                        .uri("/api/v1/prospects/" + id)
                        .header("Authorization", given.bearer(rep))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Head of\\u0007Sales\",\"company\":\"Acme\\u0000\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder("title", "company");
        assertThat(mvc.get().uri("/api/v1/prospects?q={q}", "a\u0000b").header("Authorization", given.bearer(rep)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("q");
        assertThat(post(rep, body("Line\\nBreak", unique("lines"), null, "US", null)))
                .as("a name is one line: a line break in it is refused, naming the field")
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("fullName");
    }

    @Test
    void anErasedPersonIsGoneAndCannotComeBackUntilAnAdminLiftsTheSuppression() {
        var rep = given.rep();
        var email = unique("erased");
        var id = id(post(rep, body("Erase Me", email, "+44 20 7946 0958", "GB", null)));

        assertThat(mvc.delete().uri("/api/v1/prospects/" + id).header("Authorization", given.bearer(rep)))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(get(rep, "/api/v1/prospects/" + id)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post(rep, body("Erase Me", email, null, "GB", null)))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("erased", "administrator");
        assertThat(post(rep, body("Same Phone", unique("other"), "+442079460958", "GB", null)))
                .hasStatus(HttpStatus.CONFLICT);

        var admin = given.admin();
        assertThat(mvc.post()
                        .uri("/api/v1/admin/suppressions/lift")
                        .header("Authorization", given.bearer(rep))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/admin/suppressions/lift")
                        .header("Authorization", given.bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.lifted")
                .isEqualTo(1);
        assertThat(post(rep, body("Erase Me", email, null, "GB", null))).hasStatus(HttpStatus.CREATED);
    }

    private MvcTestResult post(Member member, String json) {
        return mvc.post()
                .uri("/api/v1/prospects")
                .header("Authorization", given.bearer(member))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    private MvcTestResult get(Member member, String uri) {
        return mvc.get().uri(uri).header("Authorization", given.bearer(member)).exchange();
    }

    private static String contentOf(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String id(MvcTestResult result) {
        var body = result.getResponse();
        try {
            var text = body.getContentAsString();
            int at = text.indexOf("\"id\":\"") + 6;
            return text.substring(at, text.indexOf('"', at));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static String body(String name, String email, String phone, String country, String zone) {
        return """
                {"fullName":%s,"email":%s,"phone":%s,"company":"Acme","country":%s,"timeZone":%s}"""
                .formatted(q(name), q(email), q(phone), q(country), q(zone));
    }

    private static String q(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
