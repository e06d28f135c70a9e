package org.followthrough.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.common.Installation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Sign-in holds up against parallel guesses, tells nobody which emails exist, and ends with the member. */
@ApplicationTest
class SignInProtectionTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    PasswordSignIn signIn;

    @Autowired
    Organisations organisations;

    @Autowired
    Members members;

    @Autowired
    Team team;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void guessesSentSideBySideAreCountedOneByOneAndTheTenthStillLocks() {
        var rep = given.rep();
        clock.set(Instant.parse("2026-11-02T15:00:00Z"));

        var first = inParallel(rep.email(), 12);
        assertThat(first.stream().filter(PasswordSignIn.WRONG::equals))
                .as("three free tries, however many are sent at once")
                .hasSize(3);
        assertThat(first.stream().filter(m -> m.contains("wait"))).hasSize(9);

        for (int round = 0; round < 7; round++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(inParallel(rep.email(), 4).stream().filter(PasswordSignIn.WRONG::equals))
                    .as("one try after each wait")
                    .hasSize(1);
        }

        assertThatThrownBy(() -> signIn.authenticate(attempt(rep.email(), Given.PASSWORD)))
                .hasMessageContaining("locked");
        clock.advance(Duration.ofMinutes(16));
        assertThat(signIn.authenticate(attempt(rep.email(), Given.PASSWORD)).isAuthenticated())
                .isTrue();
    }

    @Test
    void anEmailNoMemberHasIsAnsweredExactlyLikeOneAMemberHas() {
        var rep = given.rep();
        var stranger = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        clock.set(Instant.parse("2026-11-03T15:00:00Z"));

        var known = new ArrayList<String>();
        var unknown = new ArrayList<String>();
        for (int i = 0; i < 13; i++) {
            known.add(answer(rep.email(), "wrong-password-" + i));
            unknown.add(answer(stranger, "wrong-password-" + i));
            // three at once (the fourth waits), then one after each wait up to the tenth, which locks
            clock.advance(i < 3 ? Duration.ZERO : i < 10 ? Duration.ofMinutes(20) : Duration.ofMinutes(1));
        }

        assertThat(unknown).isEqualTo(known);
        assertThat(known).anyMatch(m -> m.contains("wait")).anyMatch(m -> m.contains("locked"));
    }

    @Test
    void aDeactivatedMembersWebSessionEndsAtTheirNextRequest() {
        var rep = given.rep();
        var signedIn = mvc.post()
                .uri("/login")
                .with(csrf())
                .param("username", rep.email())
                .param("password", Given.PASSWORD)
                .exchange();
        assertThat(signedIn).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/");
        var session = (org.springframework.mock.web.MockHttpSession)
                signedIn.getRequest().getSession();
        assertThat(mvc.get().uri("/prospects").session(session).accept(MediaType.TEXT_HTML))
                .hasStatusOk();

        team.deactivate(given.admin().asActor(), rep.id());

        assertThat(mvc.get().uri("/prospects").session(session).accept(MediaType.TEXT_HTML))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .endsWith("/login");
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aPasswordThatCannotBeWrittenDownCreatesNoAdministrator() throws Exception {
        var notADirectory = Files.createTempFile("followthrough", ".data");
        var email = "first-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var settings = new FirstStart.FirstStartSettings(
                new FirstStart.FirstStartSettings.Admin(email, null),
                new FirstStart.FirstStartSettings.OrganisationDefaults("FollowThrough", "America/New_York", "US"));
        var firstStart = new FirstStart(
                organisations, members, team, clock, settings, new Installation(notADirectory.toString(), false));

        assertThatThrownBy(firstStart::createFirstAdministrator).hasMessageContaining("no administrator was created");
        assertThat(members.byEmail(email)).isEmpty();
    }

    @Test
    void theGeneratedPasswordIsOnDiskAndIsTheAdministratorsOne() throws Exception {
        var dir = Files.createTempDirectory("followthrough-data");
        var email = "first-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var settings = new FirstStart.FirstStartSettings(
                new FirstStart.FirstStartSettings.Admin(email, null),
                new FirstStart.FirstStartSettings.OrganisationDefaults("FollowThrough", "America/New_York", "US"));

        new FirstStart(organisations, members, team, clock, settings, new Installation(dir.toString(), false))
                .createFirstAdministrator();

        var password = Files.readString(dir.resolve("initial-admin-password")).strip();
        assertThat(signIn.authenticate(attempt(email, password)).isAuthenticated())
                .isTrue();
    }

    private List<String> inParallel(String email, int attempts) {
        var answers = new ArrayList<CompletableFuture<String>>();
        for (int i = 0; i < attempts; i++) {
            var password = "wrong-password-" + i;
            answers.add(CompletableFuture.supplyAsync(() -> answer(email, password)));
        }
        return answers.stream().map(CompletableFuture::join).toList();
    }

    private String answer(String email, String password) {
        try {
            signIn.authenticate(attempt(email, password));
            return "signed in";
        } catch (BadCredentialsException wrong) {
            return wrong.getMessage();
        } catch (AuthenticationException refused) {
            return refused.getMessage();
        }
    }

    private static UsernamePasswordAuthenticationToken attempt(String email, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(email, password);
    }
}
