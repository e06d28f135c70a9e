package org.followthrough.scripts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.followthrough.common.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The team's templates as rendering needs them, held in memory: the whole (small) table read in one
 * query at most every {@link #FRESH_FOR}, each template compiled once per version. A save on this
 * instance is seen at once ({@link #forget}); one on another instance within {@link #FRESH_FOR}.
 * Without it every email cost two queries (its variants, then its text).
 */
@Component
class TemplateCache {

    private static final Logger log = LoggerFactory.getLogger(TemplateCache.class);

    /** How long a reading of the table serves, so another instance's save shows soon. */
    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private record Snapshot(
            Instant readAt, Map<TemplateKey, StoredTemplate> byKey, Map<String, List<Integer>> variants) {}

    private record Compiled(Instant updatedAt, MessageTemplate template) {}

    private final TemplateRows rows;
    private final Clock clock;
    private final Map<TemplateKey, Compiled> compiled = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot;

    TemplateCache(TemplateRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** The variants a key has, in order. */
    List<Integer> variants(String key) {
        return current().variants().getOrDefault(key, List.of());
    }

    /** The compiled template, if the team has it; a stored one that no longer compiles counts as none. */
    Optional<MessageTemplate> compiled(TemplateKey key) {
        var stored = current().byKey().get(key);
        if (stored == null) {
            return Optional.empty();
        }
        var cached = compiled.get(key);
        if (cached != null && cached.updatedAt().equals(stored.updatedAt())) {
            return Optional.of(cached.template());
        }
        try {
            var template = MessageTemplate.compile(key, stored.subject(), stored.body());
            compiled.put(key, new Compiled(stored.updatedAt(), template));
            return Optional.of(template);
        } catch (InvalidInput broken) {
            log.warn("Template {} as stored cannot be compiled: {}", key.name(), broken.getMessage());
            return Optional.empty();
        }
    }

    /** Reads the table again on next use: after a save, or the shipped defaults added on start. */
    void forget() {
        snapshot = null;
    }

    private Snapshot current() {
        var now = clock.instant();
        var s = snapshot;
        if (s != null && !now.isBefore(s.readAt()) && now.isBefore(s.readAt().plus(FRESH_FOR))) {
            return s;
        }
        return read(now);
    }

    private synchronized Snapshot read(Instant now) {
        var byKey = new HashMap<TemplateKey, StoredTemplate>();
        var variants = new TreeMap<String, List<Integer>>();
        for (var t : rows.all()) {
            byKey.put(t.templateKey(), t);
            variants.computeIfAbsent(t.key(), k -> new java.util.ArrayList<>()).add(t.variant());
        }
        variants.replaceAll((k, v) -> List.copyOf(v));
        var fresh = new Snapshot(now, Map.copyOf(byKey), Map.copyOf(variants));
        snapshot = fresh;
        return fresh;
    }
}
