package org.followthrough.web;

import jakarta.servlet.http.HttpServletResponse;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page that refuses (not found, not allowed) answers with the error page in the layout and the
 * right status, never a stack trace or problem JSON meant for the API.
 */
@ControllerAdvice(annotations = Page.class)
class PageErrors {

    @ExceptionHandler(Refusal.class)
    ModelAndView refused(Refusal refusal, HttpServletResponse response) {
        return page(refusal.status(), refusal.title(), refusal.getMessage(), response);
    }

    /** A page that did not expect a form problem still says what to fix rather than failing. */
    @ExceptionHandler(InvalidInput.class)
    ModelAndView invalid(InvalidInput invalid, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, "Cannot do that", invalid.getMessage(), response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(AccessDeniedException e, HttpServletResponse response) {
        return page(
                HttpStatus.FORBIDDEN,
                "Not for your role",
                "Your role does not allow this page; ask a manager or an administrator.",
                response);
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
