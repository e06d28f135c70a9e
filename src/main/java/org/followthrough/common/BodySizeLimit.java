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
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API bodies larger than a sane limit with 413 before anything reads them. Paths that
 * stream large uploads (CSV imports) set their own limit; bodies sent without a length are
 * counted as they arrive.
 */
@Component
@EnableConfigurationProperties(BodySizeLimit.Limits.class)
class BodySizeLimit extends OncePerRequestFilter {

    @ConfigurationProperties("followthrough.http")
    record Limits(DataSize maxBody, Map<String, DataSize> maxBodyByPath) {
        Limits {
            maxBody = maxBody == null ? DataSize.ofKilobytes(256) : maxBody;
            maxBodyByPath = maxBodyByPath == null ? Map.of() : Map.copyOf(maxBodyByPath);
        }

        long limitFor(String path) {
            return maxBodyByPath.entrySet().stream()
                    .filter(e -> path.startsWith(e.getKey()))
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
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
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

    private static void refuse(HttpServletResponse response, long limit) throws IOException {
        response.setStatus(413);
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
