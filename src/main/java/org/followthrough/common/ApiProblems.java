package org.followthrough.common;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every refusal the controllers throw into the API's {@link Problems problem details}. */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refusal(Refusal refusal) {
        return Problems.refusal(refusal);
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput invalid) {
        return ResponseEntity.badRequest().body(Problems.fieldProblem(invalid.problems()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        var expected = e.getRequiredType() == null ? "a valid value" : Problems.describe(e.getRequiredType());
        var problems = List.of(
                new InvalidInput.FieldProblem(e.getName(), "must be " + expected + ", not '" + e.getValue() + "'"));
        return ResponseEntity.badRequest().body(Problems.fieldProblem(problems));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONTENT_TOO_LARGE,
                "The upload is larger than this server accepts; split the file or send it as a text/csv body.");
        problem.setTitle("Content too large");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN, "Your role does not allow this; ask a manager or an administrator.");
        problem.setTitle("Forbidden");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        return Problems.unexpected(e);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problems = new ArrayList<InvalidInput.FieldProblem>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(f -> problems.add(
                        new InvalidInput.FieldProblem(f.getField(), String.valueOf(f.getDefaultMessage()))));
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(g -> problems.add(
                        new InvalidInput.FieldProblem(g.getObjectName(), String.valueOf(g.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(Problems.fieldProblem(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.unreadable(e));
    }
}
