package org.followthrough.common;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Holds every text of an API body to the {@link PlainText} rule as it is read, so no controller can
 * forget it and the refusal names the field by its JSON path ({@code nextStep.agenda},
 * {@code promises[1]}). Only bodies read for a request are checked ({@link #SENT} set on the reader):
 * the same mapper reads back the events modules stored, which must never be refused.
 */
@Configuration(proxyBeanMethods = false)
class RequestText {

    /** A reader attribute: the JSON comes from a sender and its texts are held to the rule. */
    static final String SENT = PlainText.class.getName() + ".sent";

    @Bean
    JacksonModule plainTextModule() {
        return new SimpleModule("followthrough-plain-text")
                .addDeserializer(String.class, new Checked(PlainText.Lines.ONE));
    }

    /** Spring's JSON converter, with every request body read as {@link #SENT}. */
    @Bean
    JacksonJsonHttpMessageConverter jacksonJsonHttpMessageConverter(JsonMapper json) {
        return new JacksonJsonHttpMessageConverter(json) {
            @Override
            protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
                return sent(super.customizeReader(reader, javaType));
            }
        };
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
            if (ctxt.getAttribute(SENT) == null) {
                return text;
            }
            var problem = PlainText.problem(text, lines);
            if (problem.isPresent()) {
                throw new Refused(p, problem.get());
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
