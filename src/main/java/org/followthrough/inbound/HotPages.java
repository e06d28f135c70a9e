package org.followthrough.inbound;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.common.Sql;
import org.followthrough.team.Actor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hot pages (R20): parts of a URL path whose visit is a trigger event, such as {@code /pricing}.
 * Managers set them on the settings page; until they do, the defaults of
 * {@code followthrough.signals.hot-pages} apply. Read for every page view, so kept in memory and read
 * again from the database every few seconds (another instance may have changed them).
 */
@Service
@EnableConfigurationProperties(HotPageSettings.class)
public class HotPages {

    /** The patterns in force and whether they are the defaults. */
    public record Patterns(List<String> patterns, boolean defaults) {}

    static final int MAX_PATTERNS = 50;
    static final int MAX_LENGTH = 200;
    private static final long FRESH_NANOS = 5_000_000_000L;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<String> defaults;
    private volatile Patterns current;
    private volatile long readAt;

    HotPages(JdbcClient jdbc, Clock clock, HotPageSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.defaults = normalise(settings.hotPages());
    }

    public Patterns current() {
        var known = current;
        if (known == null || System.nanoTime() - readAt > FRESH_NANOS) {
            known = jdbc.sql("select patterns from hot_page_settings where id = 1")
                    .query(String.class)
                    .optional()
                    .map(text -> new Patterns(normalise(List.of(text.split("\n"))), false))
                    .orElseGet(() -> new Patterns(defaults, true));
            current = known;
            readAt = System.nanoTime();
        }
        return known;
    }

    /**
     * Sets the patterns from text, one per line (commas also separate); an empty text means no page
     * is hot. A pattern is part of a path: it starts with a slash and has no spaces.
     */
    @Transactional
    public Patterns change(Actor actor, String text) {
        if (!actor.seesWholeTeam()) {
            throw Refusal.forbidden("Only managers and administrators set the hot pages.");
        }
        var wanted = new ArrayList<String>();
        for (var line : (text == null ? "" : text).split("[\\n,]")) {
            if (!line.isBlank()) {
                wanted.add(line.strip());
            }
        }
        var problems = new InvalidInput.Collector();
        for (var pattern : wanted) {
            if (!pattern.startsWith("/") || pattern.chars().anyMatch(Character::isWhitespace)) {
                problems.add(
                        "patterns",
                        "'" + pattern
                                + "' is not part of a path: start it with / and leave out spaces, such as /pricing");
            } else if (pattern.length() > MAX_LENGTH) {
                problems.add("patterns", "a pattern has at most " + MAX_LENGTH + " characters");
            }
        }
        if (wanted.size() > MAX_PATTERNS) {
            problems.add("patterns", "at most " + MAX_PATTERNS + " patterns; " + wanted.size() + " were given");
        }
        problems.throwIfAny();
        var patterns = normalise(wanted);
        var stored = String.join("\n", patterns);
        if (jdbc.sql("update hot_page_settings set patterns = ?, changed_at = ?, changed_by = ? where id = 1")
                        .params(stored, Sql.ts(clock.instant()), actor.id())
                        .update()
                == 0) {
            jdbc.sql("insert into hot_page_settings (id, patterns, changed_at, changed_by) values (1, ?, ?, ?)")
                    .params(stored, Sql.ts(clock.instant()), actor.id())
                    .update();
        }
        current = new Patterns(patterns, false);
        readAt = System.nanoTime();
        return current;
    }

    /** Back to the defaults of {@code followthrough.signals.hot-pages}. */
    @Transactional
    public Patterns reset(Actor actor) {
        if (!actor.seesWholeTeam()) {
            throw Refusal.forbidden("Only managers and administrators set the hot pages.");
        }
        jdbc.sql("delete from hot_page_settings where id = 1").update();
        current = new Patterns(defaults, true);
        readAt = System.nanoTime();
        return current;
    }

    private static List<String> normalise(List<String> patterns) {
        var distinct = new LinkedHashSet<String>();
        for (var pattern : patterns) {
            var p = pattern.strip().toLowerCase(Locale.ROOT);
            if (!p.isEmpty()) {
                distinct.add(p);
            }
        }
        return List.copyOf(distinct);
    }
}
