package org.followthrough.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.followthrough.common.Problems;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * What answers an error no controller answered: a path nothing serves, a method or media type an
 * endpoint does not take, a filter's refusal, an exception thrown outside a controller. The API, and any
 * caller that does not ask for HTML (a page asked for as JSON too), gets RFC 9457 problem details; a
 * browser, which asks for HTML, gets the error page in the layout. Neither ever shows an exception's message, a stack trace
 * or SQL: a framework refusal keeps its own detail, anything else gets one written for its status.
 */
@Controller
class ErrorAnswers implements ErrorController {

    private final ErrorAttributes errors;

    ErrorAnswers(ErrorAttributes errors) {
        this.errors = errors;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
        var problem = problem(request);
        var view = new ModelAndView("error");
        var status = HttpStatus.valueOf(problem.getStatus());
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("error", problem.getTitle());
        view.addObject("detail", problem.getDetail());
        return view;
    }

    @RequestMapping("/error")
    ResponseEntity<Map<String, Object>> problem(HttpServletRequest request, HttpServletResponse response) {
        var problem = problem(request);
        var answer = ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (response.getHeader("Retry-After") != null) {
            answer.header("Retry-After", response.getHeader("Retry-After"));
        }
        return answer.body(Problems.members(problem));
    }

    private ProblemDetail problem(HttpServletRequest request) {
        var status = status(request);
        var error = errors.getError(new ServletWebRequest(request));
        var problem = Problems.forError(status, error);
        var path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path != null && problem.getInstance() == null && !containsControlCharacters(path)) {
            problem.setInstance(java.net.URI.create(encodePath(path)));
        }
        return problem;
    }

    private static int status(HttpServletRequest request) {
        var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer status && status >= 400 ? status : 500;
    }

    private static boolean containsControlCharacters(String path) {
        return path.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static String encodePath(String path) {
        return org.springframework.web.util.UriUtils.encodePath(path, java.nio.charset.StandardCharsets.UTF_8);
    }
}
