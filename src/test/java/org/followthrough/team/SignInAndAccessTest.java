package org.followthrough.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Duration;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@ApplicationTest
class SignInAndAccessTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void healthIsOpenToEveryone() {
        assertThat(mvc.get().uri("/actuator/health"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void theApiAsksStrangersToSignInWithProblemDetails() {
        assertThat(mvc.get().uri("/api/v1/users/me"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("HTTP Basic", "Bearer");
    }

    @Test
    void theApiDescriptionNeedsASignedInMember() {
        assertThat(mvc.get().uri("/v3/api-docs")).hasStatus(HttpStatus.UNAUTHORIZED);
        var rep = given.rep();
        assertThat(mvc.get().uri("/v3/api-docs").with(httpBasic(rep.email(), Given.PASSWORD)))
                .hasStatusOk();
    }

    @Test
    void aMemberSignsInWithHttpBasic() {
        var rep = given.rep();
        assertThat(mvc.get().uri("/api/v1/users/me").with(httpBasic(rep.email().toUpperCase(), Given.PASSWORD)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.email")
                .isEqualTo(rep.email());
    }

    @Test
    void onlyAdministratorsAddMembers() {
        var rep = given.rep();
        var body =
                """
                {"email":"new-%s","fullName":"New Rep","role":"REP","password":"Violet-Harbour-Lantern-73"}"""
                        .formatted(rep.email());
        assertThat(mvc.post()
                        .uri("/api/v1/users")
                        .with(httpBasic(rep.email(), Given.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus(HttpStatus.FORBIDDEN);
        var admin = given.admin();
        assertThat(mvc.post()
                        .uri("/api/v1/users")
                        .with(httpBasic(admin.email(), Given.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.role")
                .isEqualTo("REP");
    }

    @Test
    void aCommonPasswordIsRefusedNamingTheField() {
        var admin = given.admin();
        var body = """
                {"email":"weak-%s","fullName":"Weak","role":"REP","password":"password1234"}"""
                .formatted(admin.email());
        assertThat(mvc.post()
                        .uri("/api/v1/users")
                        .with(httpBasic(admin.email(), Given.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("password");
    }

    @Test
    void aNameWithANulCharacterIsRefusedNamingTheField() {
        var admin = given.admin();
        var body =
                """
                {"email":"nul-%s","fullName":"Nul\\u0000Name","role":"REP","password":"Violet-Harbour-Lantern-73"}"""
                        .formatted(admin.email());
        assertThat(mvc.post()
                        .uri("/api/v1/users")
                        .with(httpBasic(admin.email(), Given.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("fullName");
    }

    @Test
    void apersonalTokenWorksUntilItIsRevoked() {
        var rep = given.rep();
        var created = mvc.post()
                .uri("/api/v1/tokens")
                .with(httpBasic(rep.email(), Given.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"laptop\"}")
                .exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        var json = created.getResponse();
        var token = com.jayway.jsonpath.JsonPath.<String>read(contentOf(json), "$.token");
        var id = com.jayway.jsonpath.JsonPath.<String>read(contentOf(json), "$.id");

        assertThat(mvc.get().uri("/api/v1/users/me").header("Authorization", "Bearer " + token))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/tokens").header("Authorization", "Bearer " + token))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[0].prefix")
                .asString()
                .startsWith("ft_");

        assertThat(mvc.delete().uri("/api/v1/tokens/" + id).header("Authorization", "Bearer " + token))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/api/v1/users/me").header("Authorization", "Bearer " + token))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("revoked");
    }

    @Test
    void repeatedFailuresSlowDownAndThenLockTheAccount() {
        var rep = given.rep();
        clock.set(java.time.Instant.parse("2026-11-02T15:00:00Z"));
        for (int i = 0; i < 3; i++) {
            assertThat(mvc.get().uri("/api/v1/users/me").with(httpBasic(rep.email(), "wrong-password-" + i)))
                    .hasStatus(HttpStatus.UNAUTHORIZED);
        }
        assertThat(mvc.get().uri("/api/v1/users/me").with(httpBasic(rep.email(), Given.PASSWORD)))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("wait");
        clock.advance(Duration.ofSeconds(2));
        assertThat(mvc.get().uri("/api/v1/users/me").with(httpBasic(rep.email(), Given.PASSWORD)))
                .hasStatusOk();

        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(mvc.get().uri("/api/v1/users/me").with(httpBasic(rep.email(), "wrong-password-" + i)))
                    .bodyJson()
                    .extractingPath("$.detail")
                    .isEqualTo("Email or password is wrong.");
        }
        clock.advance(Duration.ofMinutes(14));
        assertThat(mvc.get().uri("/api/v1/users/me").with(httpBasic(rep.email(), Given.PASSWORD)))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("locked");
        clock.advance(Duration.ofMinutes(2));
        assertThat(mvc.get().uri("/api/v1/users/me").with(httpBasic(rep.email(), Given.PASSWORD)))
                .hasStatusOk();
    }

    @Test
    void theSignInFormNeedsItsCsrfToken() {
        var rep = given.rep();
        assertThat(mvc.post().uri("/login").param("username", rep.email()).param("password", Given.PASSWORD))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/login")
                        .with(csrf())
                        .param("username", rep.email())
                        .param("password", Given.PASSWORD))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/");
    }

    @Test
    void aFailedFormSignInShowsWhy() {
        var rep = given.rep();
        var failed = mvc.post()
                .uri("/login")
                .with(csrf())
                .param("username", rep.email())
                .param("password", "not-the-password")
                .exchange();
        assertThat(failed).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login?error");
        var session = (org.springframework.mock.web.MockHttpSession)
                failed.getRequest().getSession();
        assertThat(mvc.get().uri("/login?error").session(session))
                .hasStatusOk()
                .bodyText()
                .contains("Email or password is wrong.");
    }

    @Test
    void pagesSendStrangersToTheSignInForm() {
        assertThat(mvc.get().uri("/").accept(MediaType.TEXT_HTML))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .endsWith("/login");
    }

    @Test
    void aStrangersRequestKeepsNoSessionOnTheServerYetSigningInStillReturnsThemToThePage() {
        var stranger =
                mvc.get().uri("/prospects?q=acme").accept(MediaType.TEXT_HTML).exchange();
        assertThat(stranger).hasStatus(HttpStatus.FOUND);
        assertThat(stranger.getRequest().getSession(false))
                .as("a flood of anonymous requests cannot fill the server's memory with sessions")
                .isNull();
        var remembered = stranger.getResponse().getCookie("REDIRECT_URI");
        assertThat(remembered).as("the page asked for travels in a cookie").isNotNull();

        var rep = given.rep();
        var signedIn = mvc.post()
                .uri("/login")
                .param("username", rep.email())
                .param("password", Given.PASSWORD)
                .cookie(remembered)
                .with(csrf())
                .exchange();
        assertThat(signedIn).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/prospects?q=acme");
    }

    private static String contentOf(org.springframework.mock.web.MockHttpServletResponse response) {
        try {
            return response.getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
