package org.followthrough.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The text rule holds for every text field of every API request: each String component of each
 * {@code @RequestBody} record (nested records and lists of text included), found by reflection over the
 * running application's endpoints, refuses a control character or a bidirectional control with a 400
 * naming the field by its JSON path; a single-line field refuses tabs and line breaks too, a multi-line
 * one keeps them. Sent as an administrator, so no permission stands before the check.
 */
class UnsafeTextTest {

    /** Where a text field sits: the endpoint, its path in the body, and how many lines it holds. */
    record TextField(HttpMethod method, String uri, List<Object> path, PlainText.Lines lines) {
        String jsonPath() {
            var out = new StringBuilder();
            for (var step : path) {
                if (step instanceof Integer index) {
                    out.append('[').append(index).append(']');
                } else {
                    out.append(out.isEmpty() ? "" : ".").append(step);
                }
            }
            return out.toString();
        }

        @Override
        public String toString() {
            return method + " " + uri + " " + jsonPath() + " (" + lines + ")";
        }
    }

    /** The shared application context of the {@link ApplicationTest}s, reached from a jqwik property. */
    @ApplicationTest
    static class Application {}

    /** Writes every character outside ASCII escaped, so halves of characters travel as sent. */
    private static final JsonMapper json = JsonMapper.builder()
            .enable(tools.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private static ApplicationContext context;
    private static MockMvc mvc;
    private static String admin;
    private static List<TextField> fields;

    private static synchronized void started() {
        if (context != null) {
            return;
        }
        try {
            var manager = new TestContextManager(Application.class);
            context = manager.getTestContext().getApplicationContext();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        mvc = context.getBean(MockMvc.class);
        var given = context.getBean(Given.class);
        admin = given.bearer(given.admin());
        fields = textFields(context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));
    }

    @AfterContainer
    static void realTime() {
        if (context != null) {
            context.getBean(TestClock.class).reset();
        }
    }

    @Property(tries = 300)
    void unsafeTextIsRefusedNamingTheField(@ForAll("unsafeTexts") Sent sent) throws Exception {
        var answer = send(sent.field(), sent.text());

        assertThat(answer.status).as(sent + " answered " + answer.body).isEqualTo(400);
        var named = new ArrayList<String>();
        answer.body.path("errors").forEach(e -> named.add(e.path("field").asString()));
        assertThat(named)
                .as(sent + " answered " + answer.body)
                .contains(sent.field().jsonPath());
        assertThat(answer.body.path("detail").asString()).doesNotContain(sent.text());
    }

    @Property(tries = 200)
    void textTheRuleAllowsIsNeverRefusedForIt(@ForAll("safeTexts") Sent sent) throws Exception {
        var answer = send(sent.field(), sent.text());

        assertThat(answer.body.toString())
                .as(sent.toString())
                .doesNotContain("control character")
                .doesNotContain("bidirectional")
                .doesNotContain("single line")
                .doesNotContain("half of a character");
    }

    @Property(tries = 1)
    void everyRequestTextFieldIsCovered() {
        started();
        assertThat(fields)
                .as("text fields of request bodies found by reflection")
                .hasSizeGreaterThan(30)
                .extracting(TextField::jsonPath)
                .contains("fullName", "notes", "nextStep.agenda", "promises[0]", "body", "url");
        assertThat(fields)
                .filteredOn(f -> f.lines() == PlainText.Lines.MANY)
                .extracting(TextField::jsonPath)
                .contains("notes", "nextStep.agenda", "body", "text");
    }

    record Sent(TextField field, String text) {
        @Override
        public String toString() {
            return field + " with "
                    + text.codePoints()
                            .mapToObj(c -> c < 0x20 || c > 0x7e ? String.format("U+%04X", c) : Character.toString(c))
                            .toList();
        }
    }

    @Provide
    Arbitrary<Sent> unsafeTexts() {
        started();
        return Arbitraries.of(fields).flatMap(field -> Combinators.combine(
                        plain(field.lines()), refused(field.lines()), plain(field.lines()))
                .as((before, bad, after) -> new Sent(field, before + bad + after)));
    }

    @Provide
    Arbitrary<Sent> safeTexts() {
        started();
        return Arbitraries.of(fields).flatMap(field -> plain(field.lines()).map(text -> new Sent(field, text)));
    }

    /** Text anyone may send: letters of many scripts (right-to-left ones too), digits, punctuation, emoji. */
    private static Arbitrary<String> plain(PlainText.Lines lines) {
        var chars = Arbitraries.oneOf(
                Arbitraries.chars().alpha(),
                Arbitraries.chars().numeric(),
                Arbitraries.of(' ', '.', ',', '-', '\'', '@', 'é', 'ß', 'ø', 'ñ', '中', 'ש', 'ع', 'Я', '\u200F'),
                lines == PlainText.Lines.MANY ? Arbitraries.of('\n', '\t', '\r') : Arbitraries.of(' '));
        return Arbitraries.oneOf(
                        chars.list().ofMaxSize(12).map(UnsafeTextTest::join),
                        Arbitraries.of("\uD83D\uDE00", "Ana María", "O'Brien"))
                .map(s -> s);
    }

    /** One character the rule refuses in a field of this kind. */
    private static Arbitrary<String> refused(PlainText.Lines lines) {
        var always = Arbitraries.oneOf(
                Arbitraries.chars().range('\u0000', '\u0008'),
                Arbitraries.chars().range('\u000B', '\u000C'),
                Arbitraries.chars().range('\u000E', '\u001F'),
                Arbitraries.chars().range('\u007F', '\u009F'),
                Arbitraries.chars().range('\u202A', '\u202E'),
                Arbitraries.chars().range('\u2066', '\u2069'),
                Arbitraries.chars().range('\uD800', '\uDFFF'));
        var text = lines == PlainText.Lines.ONE
                ? Arbitraries.oneOf(always, Arbitraries.of('\t', '\n', '\r', '\u2028', '\u2029'))
                : always;
        return text.map(String::valueOf);
    }

    private static String join(List<Character> chars) {
        var out = new StringBuilder();
        chars.forEach(out::append);
        return out.toString();
    }

    private record Answer(int status, JsonNode body) {}

    private static Answer send(TextField field, String text) throws Exception {
        var body = json.createObjectNode();
        put(body, field.path(), text);
        var result = mvc.perform(request(field.method(), field.uri())
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                        .content(json.writeValueAsString(body)))
                .andReturn()
                .getResponse();
        var content = result.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return new Answer(result.getStatus(), content.isBlank() ? json.createObjectNode() : json.readTree(content));
    }

    /** Puts the text at the path, building the objects and arrays on the way. */
    private static void put(ObjectNode body, List<Object> path, String text) {
        tools.jackson.databind.node.ContainerNode<?> at = body;
        for (int i = 0; i < path.size(); i++) {
            var step = path.get(i);
            boolean last = i == path.size() - 1;
            var next = last ? null : path.get(i + 1);
            if (at instanceof ObjectNode object) {
                var name = (String) step;
                if (last) {
                    object.put(name, text);
                } else {
                    at = next instanceof Integer ? object.putArray(name) : object.putObject(name);
                }
            } else {
                var array = (tools.jackson.databind.node.ArrayNode) at;
                if (last) {
                    array.add(text);
                } else {
                    at = next instanceof Integer ? array.addArray() : array.addObject();
                }
            }
        }
    }

    private static List<TextField> textFields(RequestMappingHandlerMapping mapping) {
        var found = new ArrayList<TextField>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            for (var parameter : handler.getMethodParameters()) {
                if (!parameter.hasParameterAnnotation(RequestBody.class)) {
                    continue;
                }
                var type = parameter.getParameterType();
                if (!type.isRecord()) {
                    continue; // a Map body (a PATCH of changes) is covered by the examples beside this test
                }
                var uri = uri(info, handler);
                for (var method : info.getMethodsCondition().getMethods()) {
                    collect(
                            type,
                            List.of(),
                            field -> found.add(new TextField(
                                    HttpMethod.valueOf(method.name()), uri, field.path(), field.lines())));
                }
            }
        });
        return found;
    }

    private record Found(List<Object> path, PlainText.Lines lines) {}

    private static void collect(Class<?> record, List<Object> prefix, java.util.function.Consumer<Found> out) {
        for (RecordComponent component : record.getRecordComponents()) {
            var path = new ArrayList<>(prefix);
            path.add(component.getName());
            var lines = component.isAnnotationPresent(PlainText.MultiLine.class)
                    ? PlainText.Lines.MANY
                    : PlainText.Lines.ONE;
            var type = component.getType();
            if (type == String.class) {
                out.accept(new Found(path, lines));
            } else if (Collection.class.isAssignableFrom(type)
                    && elementType(component.getGenericType()) == String.class) {
                path.add(0);
                out.accept(new Found(path, lines));
            } else if (type.isRecord() && prefix.size() < 3) {
                collect(type, path, out);
            }
        }
    }

    private static Type elementType(Type type) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }

    private static String uri(RequestMappingInfo info, HandlerMethod handler) {
        var pattern = info.getPathPatternsCondition() != null
                ? info.getPathPatternsCondition().getFirstPattern().getPatternString()
                : info.getPatternValues().iterator().next();
        for (var parameter : handler.getMethodParameters()) {
            var variable = parameter.getParameterAnnotation(PathVariable.class);
            if (variable == null) {
                continue;
            }
            var name = !variable.value().isEmpty() ? variable.value() : parameter.getParameterName();
            var type = parameter.getParameterType();
            var value = type == UUID.class
                    ? UUID.randomUUID().toString()
                    : type == int.class || type == Integer.class || type == long.class
                            ? "1"
                            : type.isEnum() ? type.getEnumConstants()[0].toString() : "first-time-call";
            pattern = pattern.replace("{" + name + "}", value);
        }
        return pattern;
    }
}
