package org.followthrough.team;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.CookieRequestCache;

/**
 * What a request to the web UI without a session gets. A page the browser navigated to is sent to
 * sign in and remembered, so the member lands on it afterwards. A request a page makes by itself (an
 * htmx poll such as Today's queue, the live stream, JSON) is never remembered, or the member would
 * land on a bare fragment after signing in; htmx gets 401 with {@code HX-Redirect: /login}, so the
 * whole page goes to sign in instead of the sign-in form being swapped into a part of it.
 */
final class SignInFirst implements AuthenticationEntryPoint {

    static final String LOGIN = "/login";

    private final AuthenticationEntryPoint signInPage = new LoginUrlAuthenticationEntryPoint(LOGIN);
    private final AuthenticationEntryPoint problem = ProblemResponses.unauthorized();

    static CookieRequestCache pagesToReturnTo() {
        var cache = new CookieRequestCache();
        cache.setRequestMatcher(SignInFirst::isPageNavigation);
        return cache;
    }

    /** A GET the browser made to show a page: not htmx, not a script's request, not the API. */
    static boolean isPageNavigation(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return "GET".equals(request.getMethod()) && wantsPage(request) && !path.startsWith("/api/");
    }

    private static boolean wantsPage(HttpServletRequest request) {
        return !isHtmx(request) && request.getHeader("X-Requested-With") == null && accepts(request, "text/html");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, jakarta.servlet.ServletException {
        if (isHtmx(request)) {
            response.setHeader("HX-Redirect", request.getContextPath() + LOGIN);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        } else if (accepts(request, "text/event-stream") || accepts(request, "application/json")) {
            // a page's own script: no WWW-Authenticate, which would make the browser ask for a password
            ProblemResponses.write(response, 401, "Unauthorized", "Your session has ended; sign in again.");
        } else if (wantsPage(request)) {
            signInPage.commence(request, response, e);
        } else {
            problem.commence(request, response, e);
        }
    }

    private static boolean isHtmx(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null;
    }

    private static boolean accepts(HttpServletRequest request, String type) {
        var accept = request.getHeader("Accept");
        return accept != null && accept.contains(type);
    }
}
