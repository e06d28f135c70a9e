package org.followthrough.common;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The RFC 9457 problem details of the API, whose {@code detail} says what to fix and whose {@code errors}
 * name each field: rendered by the controllers' advice, and by the few endpoints answered ahead of the
 * framework, so a sender sees the same problem whichever way the request took.
 */
public final class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private Problems() {}

    /** The answer to a request refused by this exception (an unexpected one is logged and answered 500). */
    public static ResponseEntity<ProblemDetail> of(RuntimeException e) {
        if (e instanceof Refusal refusal) {
            return refusal(refusal);
        }
        if (e instanceof InvalidInput invalid) {
            return ResponseEntity.badRequest().body(fieldProblem(invalid.problems()));
        }
        if (e instanceof HttpMessageNotReadableException unreadable) {
            return ResponseEntity.badRequest().body(unreadable(unreadable));
        }
        return unexpected(e);
    }

    /** The problem as its JSON members, the extension members last, as a message converter writes it. */
    public static Map<String, Object> members(ProblemDetail problem) {
        var members = new LinkedHashMap<String, Object>();
        // RFC 9457: a problem without a type of its own is "about:blank"
        members.put(
                "type",
                problem.getType() == null ? "about:blank" : problem.getType().toString());
        if (problem.getTitle() != null) {
            members.put("title", problem.getTitle());
        }
        members.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            members.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            members.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }

    static ResponseEntity<ProblemDetail> refusal(Refusal refusal) {
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

    /**
     * The problem for an error no controller answered (answered on {@code /error}): a framework refusal
     * keeps its own detail, with what to send instead; an unexpected exception is logged under a reference;
     * anything else gets the detail written for its status. Never an exception's own message.
     */
    public static ProblemDetail forError(int status, Throwable error) {
        if (error instanceof Refusal refusal) {
            return refusal(refusal).getBody();
        }
        if (status >= 500 && error instanceof Exception e) {
            return unexpected(e).getBody();
        }
        if (error instanceof ErrorResponse framework
                && framework.getStatusCode().value() == status) {
            var problem = ProblemDetail.forStatusAndDetail(framework.getStatusCode(), frameworkDetail(error));
            problem.setTitle(framework.getBody().getTitle());
            return problem;
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detailFor(status));
        problem.setTitle(HttpStatus.valueOf(status).getReasonPhrase());
        return problem;
    }

    private static String frameworkDetail(Throwable error) {
        if (error instanceof HttpMediaTypeNotSupportedException media) {
            return "This endpoint does not take "
                    + (media.getContentType() == null ? "a body without a Content-Type" : media.getContentType())
                    + "; send the body as "
                    + media.getSupportedMediaTypes().stream()
                            .map(Object::toString)
                            .collect(Collectors.joining(" or "))
                    + ".";
        }
        if (error instanceof HttpRequestMethodNotSupportedException method) {
            var allowed = method.getSupportedHttpMethods() == null
                    ? ""
                    : "; it takes "
                            + method.getSupportedHttpMethods().stream()
                                    .map(Object::toString)
                                    .collect(Collectors.joining(", "));
            return "This address does not take " + method.getMethod() + allowed + ".";
        }
        if (error instanceof HttpMediaTypeNotAcceptableException) {
            return "This endpoint cannot answer in the media type asked for in Accept; ask for application/json.";
        }
        if (error instanceof org.springframework.web.servlet.resource.NoResourceFoundException) {
            return detailFor(404);
        }
        var body = ((ErrorResponse) error).getBody();
        return body.getDetail() == null ? detailFor(body.getStatus()) : body.getDetail();
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 400 ->
                "The request cannot be read: its address, headers or body are not valid (an encoded NUL or"
                        + " slash in the path, say); correct it and send it again.";
            case 401 ->
                "Sign in: send HTTP Basic credentials (email and password) or Authorization: Bearer <API token>.";
            case 403 ->
                "Your role does not allow this, or the form's CSRF token is missing or old; reload the page"
                        + " and try again, or ask a manager or an administrator.";
            case 404 -> "Nothing is at this address; the API is described at /v3/api-docs.";
            case 405 -> "This address does not take this method; the API is described at /v3/api-docs.";
            case 406 -> "This endpoint cannot answer in the media type asked for in Accept; ask for application/json.";
            case 408 -> "The request took too long to arrive; send it again.";
            case 411 -> "Send the request with a Content-Length.";
            case 413 -> "The request is larger than this server accepts; send less per request.";
            case 414 -> "The address is too long; send the values in the body instead.";
            case 415 -> "This endpoint does not take this media type; the API is described at /v3/api-docs.";
            case 429 -> "Too many requests; wait as long as Retry-After says and try again.";
            case 431 -> "The request's headers are too large; send fewer or shorter headers.";
            case 503 -> "FollowThrough cannot answer just now; try again in a little while.";
            default ->
                status >= 500
                        ? "Something went wrong on our side; try again in a little while."
                        : "The request cannot be answered as sent; the API is described at /v3/api-docs.";
        };
    }

    static ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.isCause(e)) {
            log.warn("Answered 503: the database is out of reach ({})", e.getMessage() == null ? e : e.getMessage());
            return DatabaseUnavailable.answer();
        }
        var reference = UUID.randomUUID();
        log.error("Unexpected error, reference {}", reference, e);
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing was changed. Quote reference " + reference
                        + " when reporting it.");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    static ProblemDetail unreadable(HttpMessageNotReadableException e) {
        var jackson = findCause(e, JacksonException.class);
        if (jackson == null) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request needs a JSON body.");
            problem.setTitle("Unreadable body");
            return problem;
        }
        var field = fieldPath(jackson);
        if (jackson instanceof RequestText.Refused && field.isEmpty()) {
            field = "body";
        }
        if (jackson instanceof StreamReadException || field.isEmpty()) {
            var location = jackson.getLocation();
            var where = location == null
                    ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "The body is not valid JSON" + where + ": " + jackson.getOriginalMessage());
            problem.setTitle("Malformed JSON");
            return problem;
        }
        return fieldProblem(List.of(new InvalidInput.FieldProblem(field, explain(jackson))));
    }

    static ProblemDetail fieldProblem(List<InvalidInput.FieldProblem> problems) {
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
        if (e instanceof RequestText.Refused refused) {
            return refused.getOriginalMessage();
        }
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

    static String describe(Class<?> type) {
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
