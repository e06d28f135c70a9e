package org.followthrough.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

class ProblemResponsesTest {

    @Test
    void aSignInThatCouldNotLookTheMemberUpIs503NotAWrongPassword() throws Exception {
        var response = new MockHttpServletResponse();
        ProblemResponses.unauthorized()
                .commence(
                        new MockHttpServletRequest("GET", "/api/v1/queue"),
                        response,
                        new InternalAuthenticationServiceException(
                                "Failed to obtain JDBC Connection",
                                new CannotGetJdbcConnectionException(
                                        "Failed to obtain JDBC Connection",
                                        new SQLTransientConnectionException("request timed out after 3000ms"))));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isNotBlank();
        assertThat(response.getContentAsString()).doesNotContain("JDBC");
    }

    @Test
    void aWrongPasswordIsStill401() throws Exception {
        var response = new MockHttpServletResponse();
        ProblemResponses.unauthorized()
                .commence(
                        new MockHttpServletRequest("GET", "/api/v1/queue"),
                        response,
                        new BadCredentialsException("Bad credentials"));
        assertThat(response.getStatus()).isEqualTo(401);
    }
}
