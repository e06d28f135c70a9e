package org.followthrough.common;

import java.lang.reflect.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Holds every text of an API body to the {@link PlainText} rule as it is read, so no controller can
 * forget it and the refusal names the field by its JSON path ({@code nextStep.agenda},
 * {@code promises[1]}). Only bodies read for a request are checked (while the framework reads a body,
 * or by a reader marked {@link #SENT}): the same mapper reads back the events modules stored, which must
 * never be refused.
 */
@Configuration(proxyBeanMethods = false)
class RequestText {

    /** A reader attribute: the JSON comes from a sender and its texts are held to the rule. */
    static final String SENT = PlainText.class.getName() + ".sent";

    /**
     * A request attribute: the texts of the body being read that the rule refuses, gathered so one
     * answer names every one of them rather than the first.
     */
    static final String REFUSED = PlainText.class.getName() + ".refused";

    @Bean
    JacksonModule plainTextModule() {
        return new SimpleModule("followthrough-plain-text")
                .addDeserializer(String.class, new Checked(PlainText.Lines.ONE));
    }

    /**
     * Marks the request while the framework reads its body (and only then), so the one mapper checks
     * what a sender sent and nothing it reads back from the database.
     */
    @ControllerAdvice
    static class ReadingBody extends RequestBodyAdviceAdapter {

        @Override
        public boolean supports(
                MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converter) {
            return true;
        }

        @Override
        public HttpInputMessage beforeBodyRead(
                HttpInputMessage input,
                MethodParameter parameter,
                Type targetType,
                Class<? extends HttpMessageConverter<?>> converter) {
            var request = RequestContextHolder.getRequestAttributes();
            if (request != null) {
                request.setAttribute(SENT, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
                request.setAttribute(REFUSED, new InvalidInput.Collector(), RequestAttributes.SCOPE_REQUEST);
            }
            return input;
        }

        @Override
        public Object afterBodyRead(
                Object body,
                HttpInputMessage input,
                MethodParameter parameter,
                Type targetType,
                Class<? extends HttpMessageConverter<?>> converter) {
            done().throwIfAny();
            return body;
        }

        @Override
        public Object handleEmptyBody(
                Object body,
                HttpInputMessage input,
                MethodParameter parameter,
                Type targetType,
                Class<? extends HttpMessageConverter<?>> converter) {
            done();
            return body;
        }

        /** The texts refused while the body was read, the reading being over. */
        private static InvalidInput.Collector done() {
            var request = RequestContextHolder.getRequestAttributes();
            if (request == null) {
                return new InvalidInput.Collector();
            }
            request.removeAttribute(SENT, RequestAttributes.SCOPE_REQUEST);
            var refused = request.getAttribute(REFUSED, RequestAttributes.SCOPE_REQUEST);
            request.removeAttribute(REFUSED, RequestAttributes.SCOPE_REQUEST);
            return refused instanceof InvalidInput.Collector collector ? collector : new InvalidInput.Collector();
        }
    }

    private static boolean readingABody(DeserializationContext ctxt) {
        if (ctxt.getAttribute(SENT) != null) {
            return true;
        }
        var request = RequestContextHolder.getRequestAttributes();
        return request != null && request.getAttribute(SENT, RequestAttributes.SCOPE_REQUEST) != null;
    }

    /** Where the texts refused while the framework reads the body are gathered; none for a body read by hand. */
    private static InvalidInput.Collector refusedSoFar(DeserializationContext ctxt) {
        if (ctxt.getAttribute(SENT) != null) {
            return null;
        }
        var request = RequestContextHolder.getRequestAttributes();
        return request != null
                        && request.getAttribute(REFUSED, RequestAttributes.SCOPE_REQUEST)
                                instanceof InvalidInput.Collector collector
                ? collector
                : null;
    }

    /** The field a text is read for, as problems name it: {@code nextStep.agenda}, {@code promises[1]}. */
    private static String fieldOf(JsonParser p) {
        var path = new StringBuilder();
        for (var part : p.streamReadContext().pathAsPointer().toString().split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                path.append('[').append(part).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".")
                        .append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** The reader, holding the texts it reads to the rule: for bodies read by hand. */
    static ObjectReader sent(ObjectReader reader) {
        return reader.withAttribute(SENT, Boolean.TRUE);
    }

    /** A text the rule refuses; the path to its field is added as the exception travels out. */
    static final class Refused extends MismatchedInputException {
        Refused(JsonParser parser, String problem) {
            super(parser, problem, String.class);
        }
    }

    private static final class Checked extends StdScalarDeserializer<String> {
        private final PlainText.Lines lines;

        Checked(PlainText.Lines lines) {
            super(String.class);
            this.lines = lines;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            var multiLine = property != null && property.getAnnotation(PlainText.MultiLine.class) != null;
            var wanted = multiLine ? PlainText.Lines.MANY : PlainText.Lines.ONE;
            return wanted == lines ? this : new Checked(wanted);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            var text = StringDeserializer.instance.deserialize(p, ctxt);
            if (!readingABody(ctxt)) {
                return text;
            }
            var problem = PlainText.problem(text, lines);
            if (problem.isPresent()) {
                var gathered = refusedSoFar(ctxt);
                if (gathered == null) {
                    throw new Refused(p, problem.get());
                }
                gathered.add(fieldOf(p), problem.get());
            }
            return text;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }
}
