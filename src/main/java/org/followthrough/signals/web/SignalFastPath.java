package org.followthrough.signals.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.followthrough.common.Problems;
import org.followthrough.signals.WebhookSignature;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers {@code POST /api/v1/signals} right after the body-size limit, ahead of the security filters and
 * the MVC dispatcher: a busy website posts thousands of page views a second, none of them signed in (the
 * signature is the proof), and the dozen filters and the handler lookup every other request needs cost
 * several times what storing a signal does. The work itself is {@link SignalController}'s, unchanged, and
 * its refusals become the same problem details the API gives everywhere; the answer carries the headers
 * the security filters would have added. {@code followthrough.signals.fast-path=false} sends signals the
 * ordinary way, through the controller's mapping (which also documents the endpoint).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "followthrough.signals.fast-path", matchIfMissing = true)
class SignalFastPath {

    static final String PATH = "/api/v1/signals";

    @Bean
    FilterRegistrationBean<Filter> signalsAheadOfTheFramework(SignalController signals, JsonMapper json) {
        var registration = new FilterRegistrationBean<Filter>(new Answer(signals, json));
        registration.addUrlPatterns(PATH);
        registration.setName("signalsAheadOfTheFramework");
        // after the body-size limit (HIGHEST_PRECEDENCE + 1), which refuses a body over 64 KB with 413
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    private record Answer(SignalController signals, JsonMapper json) implements Filter {

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            var request = (HttpServletRequest) req;
            var response = (HttpServletResponse) res;
            if (!"POST".equals(request.getMethod()) || !PATH.equals(request.getRequestURI())) {
                chain.doFilter(request, response);
                return;
            }
            secured(response);
            try {
                var answer = signals.receive(request.getHeader(WebhookSignature.HEADER), request);
                response.setStatus(answer.getStatusCode().value());
                write(response, "application/json", answer.getBody().getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException refused) {
                refuse(Problems.of(refused), request, response);
            }
        }

        private void refuse(
                ResponseEntity<org.springframework.http.ProblemDetail> problem,
                HttpServletRequest request,
                HttpServletResponse response)
                throws IOException {
            var detail = problem.getBody();
            if (detail.getInstance() == null) {
                detail.setInstance(URI.create(request.getRequestURI()));
            }
            response.setStatus(problem.getStatusCode().value());
            problem.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            write(response, "application/problem+json", json.writeValueAsBytes(Problems.members(detail)));
        }

        private static void write(HttpServletResponse response, String type, byte[] body) throws IOException {
            response.setContentType(type);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }

        /** What the API's security filters add to every answer. */
        private static void secured(HttpServletResponse response) {
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
            response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
    }
}
