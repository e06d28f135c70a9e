package org.followthrough.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost on every request: a request that failed because the database is out of reach, in whichever
 * layer (a filter looking up the signed-in member or an API token, a page, a controller), is answered
 * 503 with {@code Retry-After}, as problem details, or as the error page with the same status for a
 * browser. The failure is logged in one line, not with its stack: while the database is away every
 * request would add one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutage extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (!DatabaseUnavailable.isCause(failure) || response.isCommitted()) {
                throw failure;
            }
            log.warn(
                    "{} {} answered 503: the database is out of reach ({})",
                    request.getMethod(),
                    request.getRequestURI(),
                    rootMessage(failure));
            if (wantsPage(request)) {
                // the error page, with the status and Retry-After of the problem
                response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
                throw failure;
            }
            DatabaseUnavailable.write(response);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    private static boolean wantsPage(HttpServletRequest request) {
        var accept = request.getHeader("Accept");
        if (accept == null || request.getRequestURI().startsWith("/api/")) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    private static String rootMessage(Throwable failure) {
        var root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
