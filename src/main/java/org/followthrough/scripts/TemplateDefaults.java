package org.followthrough.scripts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The templates FollowThrough ships with, read from {@code scripts/default-templates.yaml}. */
public final class TemplateDefaults {

    /** One shipped template and the placeholders an edited version should keep. */
    public record Definition(
            String key, int variant, Channel channel, String subject, String body, List<String> requires) {
        public Definition {
            requires = requires == null ? List.of() : List.copyOf(requires);
        }

        public TemplateKey templateKey() {
            return new TemplateKey(key, variant);
        }
    }

    private static final List<Definition> ALL = load();

    private TemplateDefaults() {}

    public static List<Definition> all() {
        return ALL;
    }

    public static Optional<Definition> find(TemplateKey key) {
        return ALL.stream().filter(d -> d.templateKey().equals(key)).findFirst();
    }

    private static List<Definition> load() {
        try (InputStream in = TemplateDefaults.class.getResourceAsStream("/scripts/default-templates.yaml")) {
            return List.copyOf(YAMLMapper.builder().build().readValue(in, new TypeReference<List<Definition>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("the default templates could not be read", e);
        }
    }
}
