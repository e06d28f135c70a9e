package org.followthrough.common;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every refusal of the API into RFC 9457 problem details whose {@code detail} says what to
 * fix, and whose {@code errors} name each field.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refusal(Refusal refusal) {
        var problem = ProblemDetail.forStatusAndDetail(refusal.status(), refusal.getMessage());
        problem.setTitle(refusal.title());
        refusal.properties().forEach(problem::setProperty);
        var response = ResponseEntity.status(refusal.status());
        // a refusal that says when to come back says it in the header clients and proxies read too
        if (refusal.properties().get("retryAfterSeconds") instanceof Number seconds) {
            response.header("Retry-After", String.valueOf(seconds.longValue()));
        }
        return response.body(problem);
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput invalid) {
        return ResponseEntity.badRequest().body(fieldProblem(invalid.problems()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        var expected = e.getRequiredType() == null ? "a valid value" : describe(e.getRequiredType());
        var problems = List.of(
                new InvalidInput.FieldProblem(e.getName(), "must be " + expected + ", not '" + e.getValue() + "'"));
        return ResponseEntity.badRequest().body(fieldProblem(problems));
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
        var reference = UUID.randomUUID();
        log.error("Unexpected error, reference {}", reference, e);
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing was changed. Quote reference " + reference
                        + " when reporting it.");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
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
        return ResponseEntity.badRequest().body(fieldProblem(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var jackson = findCause(e, JacksonException.class);
        if (jackson == null) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request needs a JSON body.");
            problem.setTitle("Unreadable body");
            return ResponseEntity.badRequest().body(problem);
        }
        var field = fieldPath(jackson);
        if (jackson instanceof StreamReadException || field.isEmpty()) {
            var location = jackson.getLocation();
            var where = location == null
                    ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "The body is not valid JSON" + where + ": " + jackson.getOriginalMessage());
            problem.setTitle("Malformed JSON");
            return ResponseEntity.badRequest().body(problem);
        }
        return ResponseEntity.badRequest()
                .body(fieldProblem(List.of(new InvalidInput.FieldProblem(field, explain(jackson)))));
    }

    private static ProblemDetail fieldProblem(List<InvalidInput.FieldProblem> problems) {
        var detail = problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setType(URI.create("https://followthrough.dev/problems/invalid-request"));
        problem.setProperty(
                "errors",
                problems.stream()
                        .map(p -> Map.of("field", p.field(), "message", p.message()))
                        .toList());
        return problem;
    }

    private static String explain(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            var known = unknown.getKnownPropertyIds() == null
                    ? ""
                    : "; known fields are "
                            + unknown.getKnownPropertyIds().stream()
                                    .map(String::valueOf)
                                    .sorted()
                                    .collect(Collectors.joining(", "));
            return "is not a field of this request" + known;
        }
        if (e instanceof InvalidFormatException format
                && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "'" + format.getValue() + "' is not one of "
                    + Arrays.toString(format.getTargetType().getEnumConstants());
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            return "'" + format.getValue() + "' is not " + describe(format.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "a UUID such as 3f2c1e9a-0b7d-4c55-9a8e-1f2d3c4b5a6e";
            case "Instant", "OffsetDateTime", "ZonedDateTime" ->
                "an ISO-8601 time with an offset, such as 2026-08-18T08:45:00-04:00";
            case "LocalDateTime" -> "a local ISO-8601 date-time, such as 2026-08-18T08:45";
            case "LocalDate" -> "an ISO-8601 date, such as 2026-08-18";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            case "List", "Set", "Collection" -> "a JSON array";
            case "String" -> "a text";
            default -> "a " + type.getSimpleName();
        };
    }

    private static String fieldPath(JacksonException e) {
        var path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
        for (var c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
