package org.followthrough.team;

import static org.assertj.core.api.Assertions.assertThat;

import org.followthrough.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Without a session, only a page the browser navigated to is remembered for after sign-in; what a
 * page fetches by itself (htmx parts, the live stream, JSON) is answered 401 and never remembered.
 */
@ApplicationTest
class ExpiredSessionTest {

    static final String SAVED_REQUEST = "REDIRECT_URI";

    @Autowired
    MockMvcTester mvc;

    @Test
    void aPageIsRememberedAndTheMemberSentToSignIn() {
        assertThat(mvc.get().uri("/today").header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/login")
                .cookies()
                .containsCookie(SAVED_REQUEST);
    }

    @Test
    void anHtmxPollIsToldToSendThePageToSignInAndIsNotRemembered() {
        assertThat(mvc.get().uri("/today/queue").header("HX-Request", "true").header("Accept", "*/*"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasHeader("HX-Redirect", "/login")
                .cookies()
                .doesNotContainCookie(SAVED_REQUEST);
    }

    @Test
    void theLiveStreamIsNotRemembered() {
        assertThat(mvc.get().uri("/today/live").header("Accept", "text/event-stream"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .doesNotContainHeader("WWW-Authenticate")
                .cookies()
                .doesNotContainCookie(SAVED_REQUEST);
    }

    @Test
    void aPagesJsonIsNotRemembered() {
        assertThat(mvc.get().uri("/today/appointments").header("Accept", "application/json"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .doesNotContainHeader("WWW-Authenticate")
                .cookies()
                .doesNotContainCookie(SAVED_REQUEST);
    }
}
