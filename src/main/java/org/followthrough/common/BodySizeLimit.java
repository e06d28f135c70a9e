package org.followthrough.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Comparator;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than a sane limit with 413 before anything reads them, on every path and
 * ahead of every other filter: the sign-in form's CSRF check reads parameters, which makes the servlet
 * container parse (and spool to disk) a multipart body before anyone is signed in. Only the paths that
 * take large uploads (CSV imports, by API and from the import page) set a larger limit. Bodies sent
 * without a length are counted as they arrive; a form or multipart body without one is refused with 411
 * on the other paths, since the container would parse it from the connection itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@EnableConfigurationProperties(BodySizeLimit.Limits.class)
class BodySizeLimit extends OncePerRequestFilter {

    @ConfigurationProperties("followthrough.http")
    record Limits(DataSize maxBody, Map<String, DataSize> maxBodyByPath) {
        Limits {
            maxBody = maxBody == null ? DataSize.ofKilobytes(256) : maxBody;
            maxBodyByPath = maxBodyByPath == null ? DEFAULT_BY_PATH : Map.copyOf(maxBodyByPath);
        }

        /** CSV imports, by API and from the import page, take large files; signals are small. */
        static final Map<String, DataSize> DEFAULT_BY_PATH = Map.of(
                "/api/v1/imports", DataSize.ofGigabytes(2),
                "/imports", DataSize.ofGigabytes(2),
                "/api/v1/signals", DataSize.ofKilobytes(64));

        long limitFor(String path) {
            return maxBodyByPath.entrySet().stream()
                    .filter(e -> path.equals(e.getKey()) || path.startsWith(e.getKey() + "/"))
                    .max(Comparator.comparingInt(e -> e.getKey().length()))
                    .map(e -> e.getValue().toBytes())
                    .orElse(maxBody.toBytes());
        }
    }

    static final long STREAMED_ABOVE = 16L * 1024 * 1024;

    private final Limits limits;

    BodySizeLimit(Limits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limits.limitFor(request.getRequestURI());
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(response, limit);
            return;
        }
        // a path with a large limit streams its body itself (CSV imports) and counts while it reads
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null && limit <= STREAMED_ABOVE) {
            if (parsedByTheContainer(request)) {
                response.setStatus(411);
                response.setHeader("Connection", "close");
                response.setContentType("application/problem+json");
                response.getWriter()
                        .write("{\"type\":\"about:blank\",\"title\":\"Length required\",\"status\":411,"
                                + "\"detail\":\"Send the form with a Content-Length.\"}");
                return;
            }
            var body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (body.length > limit) {
                refuse(response, limit);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean parsedByTheContainer(HttpServletRequest request) {
        var type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded");
    }

    private static void refuse(HttpServletResponse response, long limit) throws IOException {
        response.setStatus(413);
        // the body is never read: close the connection rather than wait for the rest of it
        response.setHeader("Connection", "close");
        response.setContentType("application/problem+json");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Content too large\",\"status\":413,"
                        + "\"detail\":\"The request body is larger than "
                        + DataSize.ofBytes(limit).toKilobytes() + " KB; send less per request.\"}");
    }

    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("asynchronous reads are not used here");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
