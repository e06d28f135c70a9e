package org.followthrough.prospects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.SignalSender;
import org.followthrough.team.Member;
import org.followthrough.team.Team;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Nothing a member worked is stranded when they leave, and nobody inactive is given new work. */
@ApplicationTest
class DeactivationTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    Prospects prospects;

    @Autowired
    Team team;

    @Autowired
    JdbcClient jdbc;

    @Value("${local.server.port}")
    int port;

    @Test
    void aDeactivatedRepsProspectsAndOpenCallsGoRoundTheActiveReps() {
        var leaving = given.rep();
        given.rep();
        given.rep();
        var first = given.prospect(leaving);
        var second = given.prospect(leaving);
        assertThat(openCallsOf(leaving)).isPositive();

        assertThat(deactivate(leaving, null))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.active")
                .isEqualTo(false);

        var active = team.activeReps().stream().map(Member::id).toList();
        for (var p : List.of(first, second)) {
            var owner = prospects.byId(p.id()).orElseThrow().ownerId();
            assertThat(active).contains(owner);
            given.after(() -> openCallsOf(p.id(), owner) > 0 && openCallsOf(p.id(), leaving.id()) == 0 ? true : null);
        }
        assertThat(prospects.byId(first.id()).orElseThrow().ownerId())
                .as("handed out in turn")
                .isNotEqualTo(prospects.byId(second.id()).orElseThrow().ownerId());
        given.after(() -> openCallsOf(leaving) == 0 ? true : null);
    }

    @Test
    void anAdministratorMayNameWhoTakesOver() {
        var leaving = given.rep();
        var successor = given.rep();
        var p = given.prospect(leaving);

        assertThat(deactivate(leaving, "nobody@example.com"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("reassignTo");
        assertThat(team.member(leaving.id()).orElseThrow().active())
                .as("nothing changed")
                .isTrue();
        assertThat(deactivate(leaving, successor.email())).hasStatusOk();

        assertThat(prospects.byId(p.id()).orElseThrow().ownerId()).isEqualTo(successor.id());
        given.after(() -> openCallsOf(p.id(), successor.id()) > 0 && openCallsOf(leaving) == 0 ? true : null);
        assertThat(mvc.post()
                        .uri("/api/v1/users/" + successor.id() + "/deactivate")
                        .header("Authorization", given.bearer(given.manager())))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void someoneNewAtACompanyWhoseRepHasLeftIsStillTakenOn() {
        var gone = given.rep();
        var domain = "initech-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        prospects.create(
                gone.asActor(),
                new ProspectFields(
                        "Bill Lumbergh",
                        null,
                        "bill@" + domain,
                        null,
                        "Initech",
                        domain,
                        null,
                        "US",
                        null,
                        null,
                        null,
                        null,
                        null),
                false,
                "API");
        // deactivated before prospects were handed on, as members of earlier versions were
        jdbc.sql("update members set active = false where id = ?")
                .param(gone.id())
                .update();

        new SignalSender(port, java.time.Clock.systemUTC())
                .accepted("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"INQUIRY\",\"occurredAt\":\""
                        + java.time.Instant.now() + "\",\"email\":\"peter@" + domain
                        + "\",\"name\":\"Peter Gibbons\",\"message\":\"Demo please\"}");

        var peter = given.after(() -> prospects.byEmail("peter@" + domain).orElse(null));
        assertThat(peter.ownerId()).isNotEqualTo(gone.id());
        assertThat(team.member(peter.ownerId()).orElseThrow().active()).isTrue();
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult deactivate(Member member, String reassignTo) {
        var request = mvc.post()
                .uri("/api/v1/users/" + member.id() + "/deactivate")
                .header("Authorization", given.bearer(given.admin()));
        if (reassignTo != null) {
            request =
                    request.contentType(MediaType.APPLICATION_JSON).content("{\"reassignTo\":\"" + reassignTo + "\"}");
        }
        return request.exchange();
    }

    private long openCallsOf(Member member) {
        return jdbc.sql("select count(*) from tasks where owner_id = ? and status = 'OPEN'")
                .param(member.id())
                .query(Long.class)
                .single();
    }

    private long openCallsOf(UUID prospectId, UUID ownerId) {
        return jdbc.sql("select count(*) from tasks where prospect_id = ? and owner_id = ? and status = 'OPEN'")
                .params(prospectId, ownerId)
                .query(Long.class)
                .single();
    }
}
