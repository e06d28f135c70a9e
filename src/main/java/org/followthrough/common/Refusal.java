package org.followthrough.common;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request FollowThrough refuses, with a sentence that says what to fix. The web layer renders it
 * as RFC 9457 problem details; its properties become extension members of the problem.
 */
public class Refusal extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public Refusal(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static Refusal notFound(String what, Object id) {
        return new Refusal(HttpStatus.NOT_FOUND, "Not found", "No " + what + " " + id + " that you may see.");
    }

    public static Refusal conflict(String detail) {
        return new Refusal(HttpStatus.CONFLICT, "Conflict", detail);
    }

    public static Refusal badRequest(String detail) {
        return new Refusal(HttpStatus.BAD_REQUEST, "Bad request", detail);
    }

    public static Refusal forbidden(String detail) {
        return new Refusal(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    public Refusal with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}
