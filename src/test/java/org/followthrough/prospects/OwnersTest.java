package org.followthrough.prospects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.SignalSender;
import org.followthrough.team.Actor;
import org.followthrough.team.Member;
import org.followthrough.team.Role;
import org.followthrough.team.Team;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

/** Prospects nobody claimed go to the reps in turn, and the turn is kept in the database across restarts. */
@ApplicationTest
class OwnersTest {

    static final Actor WEB_FORM =
            new Actor(new UUID(0, 1), "web-form@followthrough.local", "Web form", Role.MANAGER, ZoneOffset.UTC);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    Prospects prospects;

    @Autowired
    ProspectImports imports;

    @Autowired
    Team team;

    @Autowired
    InquiryOwners inquiryOwners;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @AfterEach
    void everyActiveRepTakesInquiriesAgain() {
        jdbc.sql("delete from inquiry_owners").update();
    }

    @Test
    void webInquiriesGoToTheRepsAnAdminChoseInTurnAndTheTurnOutlivesARestart() {
        var a = given.rep();
        var b = given.rep();
        var admin = given.admin();
        var chosen = mvc.put()
                .uri("/api/v1/admin/inquiry-owners")
                .header("Authorization", given.bearer(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"owners\":[\"" + a.email().toUpperCase() + "\",\"" + b.email() + "\"]}");
        assertThat(chosen)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.allActiveReps")
                .isEqualTo(false);
        assertThat(mvc.get().uri("/api/v1/admin/inquiry-owners").header("Authorization", given.bearer(admin)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.owners")
                .asArray()
                .containsExactly(a.email(), b.email());

        var first = inquiry().ownerId();
        var second = inquiry().ownerId();
        assertThat(java.util.List.of(first, second)).containsExactlyInAnyOrder(a.id(), b.id());

        // what a restarted (or another) instance knows is only what the database keeps
        var restarted = new Owners(team, inquiryOwners, jdbc);
        UUID next = transaction.execute(tx -> restarted.nextForInquiry(admin.id()));
        assertThat(next).isEqualTo(first);
        assertThat(inquiry().ownerId())
                .as("the turn was taken by the restarted instance")
                .isEqualTo(second);
    }

    @Test
    void prospectsAManagerAddsWithoutAnOwnerGoRoundTheActiveRepsAcrossARestart() throws Exception {
        var manager = given.manager();
        given.rep();
        given.rep();
        var reps = team.activeReps().stream().map(Member::id).toList();

        var first = added(manager).ownerId();
        var second = added(manager).ownerId();
        int at = reps.indexOf(first);
        assertThat(at).isNotNegative();
        assertThat(second).isEqualTo(reps.get((at + 1) % reps.size()));

        var restarted = new Owners(team, inquiryOwners, jdbc);
        UUID next = transaction.execute(tx -> restarted.next(manager.id()));
        assertThat(next).isEqualTo(reps.get((at + 2) % reps.size()));

        // an import hands out its rows from where the rotation stands and moves it on past them
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var csv = "Full Name,Email\nOne " + tag + ",one." + tag + "@example.com\nTwo " + tag + ",two." + tag
                + "@example.com\n";
        var id = imports.start(
                manager.asActor(), "two.csv", new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        SignalSender.await(() -> imports.status(manager.asActor(), id)
                .filter(s -> !s.status().equals("RUNNING"))
                .orElse(null));
        // rows are checked side by side, so which of the two takes which turn is open
        assertThat(java.util.List.of(
                        prospects
                                .byEmail("one." + tag + "@example.com")
                                .orElseThrow()
                                .ownerId(),
                        prospects
                                .byEmail("two." + tag + "@example.com")
                                .orElseThrow()
                                .ownerId()))
                .containsExactlyInAnyOrder(reps.get((at + 3) % reps.size()), reps.get((at + 4) % reps.size()));
        assertThat(added(manager).ownerId()).isEqualTo(reps.get((at + 5) % reps.size()));
    }

    @Test
    void onlyAdministratorsChooseAndSomeoneWhoIsNoActiveMemberIsNamed() {
        var rep = given.rep();
        var body = "{\"owners\":[\"" + rep.email() + "\",\"nobody@example.com\"]}";
        assertThat(mvc.put()
                        .uri("/api/v1/admin/inquiry-owners")
                        .header("Authorization", given.bearer(given.manager()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.put()
                        .uri("/api/v1/admin/inquiry-owners")
                        .header("Authorization", given.bearer(given.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("owners[1]");
        assertThat(inquiryOwners.choice().allActiveReps()).isTrue();
    }

    private Prospect inquiry() {
        var unique = UUID.randomUUID().toString().substring(0, 8);
        return prospects
                .create(WEB_FORM, fields("Web " + unique, "web." + unique + "@example.com"), false, "SIGNAL")
                .prospect();
    }

    private Prospect added(Member manager) {
        var unique = UUID.randomUUID().toString().substring(0, 8);
        return prospects
                .create(manager.asActor(), fields("Added " + unique, "added." + unique + "@example.com"), false, "API")
                .prospect();
    }

    private static ProspectFields fields(String name, String email) {
        return new ProspectFields(name, null, email, null, null, null, null, "US", null, null, null, null, null);
    }
}
