package org.followthrough.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.followthrough.common.Nullable;
import org.followthrough.team.Actor;
import org.followthrough.team.PublicPaths;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.AntPathMatcher;

/**
 * The OpenAPI description at {@code /v3/api-docs} says what the API really takes and answers, so a
 * client generated from it can call the API: the signed-in member ({@link Actor}, resolved from the
 * session or token) is no parameter; answers have their real media types; every operation lists the
 * RFC 9457 problem details it may answer with ({@code application/problem+json}); HTTP Basic and
 * bearer tokens are the ways to sign in, except on the public paths (signed webhooks, unsubscribe).
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String JSON = "application/json";
    private static final String PROBLEM = "Problem";

    private static final Map<String, String> ERRORS = Map.of(
            "400", "The request is not valid: `detail` says what to fix, `errors` names each field.",
            "401", "Not signed in: send HTTP Basic credentials or `Authorization: Bearer <API token>`.",
            "403", "The signed-in member's role may not do this.",
            "404", "No such resource, or not one the signed-in member may see.",
            "409", "The resource is not in a state that allows this (changed meanwhile, already done).");

    @Bean
    OpenApiCustomizer exactApiDescription(ObjectProvider<PublicPaths> publicPaths) {
        // the signed-in member is resolved by the server, never sent by a client
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
        SpringDocUtils.getConfig().replaceWithSchema(LocalDateTime.class, LOCAL_DATE_TIME);
        return openApi -> {
            var open = publicPaths
                    .orderedStream()
                    .flatMap(p -> p.patterns().stream())
                    .toList();
            describe(openApi, open);
        };
    }

    /**
     * A property marked {@link Nullable} may be null: the type gains {@code "null"}, and a reference to
     * another schema becomes one of that schema or null (OpenAPI 3.1).
     */
    @Bean
    PropertyCustomizer nullableProperties() {
        return (property, type) -> {
            var annotations = type.getCtxAnnotations();
            if (property == null
                    || annotations == null
                    || Arrays.stream(annotations).noneMatch(a -> a instanceof Nullable)) {
                return property;
            }
            if (property.get$ref() != null) {
                var reference = new Schema<>().$ref(property.get$ref());
                var nothing = new Schema<>();
                nothing.addType("null");
                var either = new Schema<>();
                either.setOneOf(List.of(reference, nothing));
                either.setDescription(property.getDescription());
                return either;
            }
            if (property.getTypes() != null && !property.getTypes().contains("null")) {
                property.addType("null");
            }
            return property;
        };
    }

    /** A date and time without an offset ({@code 2026-08-18T10:00}): not RFC 3339's date-time. */
    private static final Schema<?> LOCAL_DATE_TIME = new StringSchema().format("date-time-local");

    static void describe(OpenAPI openApi, List<String> publicPatterns) {
        openApi.info(new Info()
                .title("FollowThrough API")
                .version("v1")
                .description("The sales follow-up engine's API. Sign in with HTTP Basic (email and password) or a"
                        + " personal API token (`Authorization: Bearer …`). Every error is RFC 9457 problem"
                        + " details (`application/problem+json`)."));
        if (openApi.getComponents() == null) {
            openApi.components(new Components());
        }
        var components = openApi.getComponents();
        components.addSchemas(PROBLEM, problemSchema());
        if (components.getSchemas() != null) {
            components.getSchemas().remove(Actor.class.getSimpleName());
        }
        components.addSecuritySchemes(
                "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"));
        components.addSecuritySchemes(
                "token",
                new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("a personal API token from POST /api/v1/tokens"));
        var signedIn = List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("token"));
        var matcher = new AntPathMatcher();
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            boolean open = publicPatterns.stream().anyMatch(p -> matcher.match(p, path));
            item.readOperationsMap().forEach((method, operation) -> {
                operation.setSecurity(open ? List.of() : signedIn);
                realMediaTypes(operation);
                problems(path, method, operation, open);
            });
        });
    }

    private static void realMediaTypes(Operation operation) {
        if (operation.getRequestBody() != null) {
            operation
                    .getRequestBody()
                    .setContent(concrete(operation.getRequestBody().getContent()));
        }
        if (operation.getResponses() != null) {
            operation.getResponses().values().forEach(response -> response.setContent(concrete(response.getContent())));
        }
    }

    /** {@code *}/{@code *} becomes JSON; a server-sent event stream is text, not the Java type behind it. */
    private static Content concrete(Content content) {
        if (content == null) {
            return null;
        }
        var concrete = new Content();
        content.forEach((type, media) -> {
            if (type.equals("*/*")) {
                concrete.addMediaType(JSON, media);
            } else if (type.equals("text/event-stream") || type.equals("text/csv")) {
                concrete.addMediaType(type, new MediaType().schema(new StringSchema()));
            } else {
                concrete.addMediaType(type, media);
            }
        });
        return concrete;
    }

    private static void problems(String path, PathItem.HttpMethod method, Operation operation, boolean open) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        var codes = new LinkedHashMap<String, Boolean>();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        codes.put("400", takesInput);
        codes.put("401", !open || path.equals("/api/v1/signals"));
        codes.put("403", !open);
        codes.put("404", path.contains("{"));
        codes.put("409", changes && !open);
        codes.forEach((code, applies) -> {
            if (!applies) {
                return;
            }
            var existing = operation.getResponses().get(code);
            var response = existing != null ? existing : new ApiResponse().description(ERRORS.get(code));
            var content = response.getContent() != null ? response.getContent() : new Content();
            content.remove(JSON);
            content.addMediaType(
                    PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
            response.setContent(content);
            operation.getResponses().addApiResponse(code, response);
        });
    }

    /** RFC 9457 problem details as FollowThrough writes them: the standard members, then the extensions. */
    private static Schema<?> problemSchema() {
        var fieldProblem =
                new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        var schema = new ObjectSchema()
                .description("RFC 9457 problem details; extension members beside the standard ones")
                .addProperty("type", new StringSchema().format("uri-reference"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(fieldProblem));
        schema.setRequired(List.of("status", "detail"));
        schema.setAdditionalProperties(Boolean.TRUE);
        return schema;
    }
}
