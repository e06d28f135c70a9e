package org.followthrough.team;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.followthrough.common.DatabaseUnavailable;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 for the API as RFC 9457 problem details that say what to do. */
final class ProblemResponses {

    private ProblemResponses() {}

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            // the members could not be looked up: the database is away, not the caller's credentials wrong
            if (DatabaseUnavailable.isCause(e)) {
                DatabaseUnavailable.write(response);
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"FollowThrough\", Bearer");
            write(response, 401, "Unauthorized", reason(e));
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) ->
                write(response, 403, "Forbidden", "Your role does not allow this; ask a manager or an administrator.");
    }

    private static String reason(AuthenticationException e) {
        if (e == null || e.getMessage() == null || e.getMessage().startsWith("Full authentication")) {
            return "Sign in: send HTTP Basic credentials (email and password) or Authorization: Bearer <API token>.";
        }
        return e.getMessage();
    }

    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + json(detail) + "\"}");
    }

    private static String json(String text) {
        var out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }
}
