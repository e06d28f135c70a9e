package org.followthrough.common;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Errors the servlet container answers by itself, before FollowThrough sees the request (an encoded
 * NUL or slash in the path, a malformed header, a request line too long): RFC 9457 problem details
 * instead of the container's HTML page with its version, like every other error.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(AsProblem.class.getName());
            }
        });
    }

    /** The container's error report, written as problem details. Public: the container creates it by name. */
    public static class AsProblem extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            // whatever went wrong, nothing of the exception travels: the problem for the status only
            var problem = Problems.forError(status, null);
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                var writer = response.getReporter();
                if (writer != null) {
                    writer.write(json(problem));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ignored) {
                // the connection is gone or the answer was already on its way: nothing more to say
            }
        }

        private static String json(ProblemDetail problem) {
            return "{\"type\":\"about:blank\",\"title\":\"" + problem.getTitle() + "\",\"status\":"
                    + problem.getStatus() + ",\"detail\":\""
                    + problem.getDetail().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        }
    }
}
