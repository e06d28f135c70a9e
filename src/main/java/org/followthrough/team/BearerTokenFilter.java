package org.followthrough.team;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in API requests that carry {@code Authorization: Bearer <personal API token>}. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final AuthenticationEntryPoint entryPoint;

    BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var actor = tokens.authenticate(header.substring(7).trim());
        if (actor.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(
                    request,
                    response,
                    new BadCredentialsException(
                            "The API token is unknown, revoked or expired; create a new one with POST /api/v1/tokens."));
            return;
        }
        var details = new MemberDetails(actor.get());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
