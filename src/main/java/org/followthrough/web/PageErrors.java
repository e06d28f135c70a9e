package org.followthrough.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Problems;
import org.followthrough.common.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page that refuses (not found, not allowed) answers with the error page in the layout and the
 * right status, never a stack trace; a caller that asked the page for JSON rather than HTML gets the
 * same refusal as the API's problem details.
 */
@ControllerAdvice(annotations = Page.class)
class PageErrors {

    private final JsonMapper json;

    PageErrors(JsonMapper json) {
        this.json = json;
    }

    @ExceptionHandler(Refusal.class)
    ModelAndView refused(Refusal refusal, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (wantsJson(request)) {
            return problem(Problems.of(refusal).getBody(), response);
        }
        return page(refusal.status(), refusal.title(), refusal.getMessage(), response);
    }

    /** A page that did not expect a form problem still says what to fix rather than failing. */
    @ExceptionHandler(InvalidInput.class)
    ModelAndView invalid(InvalidInput invalid, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (wantsJson(request)) {
            return problem(Problems.of(invalid).getBody(), response);
        }
        return page(HttpStatus.BAD_REQUEST, "Cannot do that", invalid.getMessage(), response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(AccessDeniedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        var detail = "Your role does not allow this page; ask a manager or an administrator.";
        if (wantsJson(request)) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
            problem.setTitle("Forbidden");
            return problem(problem, response);
        }
        return page(HttpStatus.FORBIDDEN, "Not for your role", detail, response);
    }

    /** JSON asked for and HTML not: a script or a client of the API reached a page. */
    static boolean wantsJson(HttpServletRequest request) {
        var accept = request.getHeader("Accept");
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }

    private ModelAndView problem(ProblemDetail problem, HttpServletResponse response) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), Problems.members(problem));
        return null; // answered: no view to render
    }

    private static ModelAndView page(HttpStatus status, String title, String detail, HttpServletResponse response) {
        response.setStatus(status.value());
        var view = new ModelAndView("error");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("error", title);
        view.addObject("detail", detail);
        return view;
    }
}
