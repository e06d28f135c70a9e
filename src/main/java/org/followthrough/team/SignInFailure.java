package org.followthrough.team;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** Sends a failed form sign-in back to the form with the reason (wrong password, slow down, locked). */
class SignInFailure implements AuthenticationFailureHandler {

    static final String REASON = "followthrough.signInFailure";

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        var session = request.getSession();
        session.setAttribute(REASON, e.getMessage());
        session.setAttribute(REASON + ".email", request.getParameter("username"));
        response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
