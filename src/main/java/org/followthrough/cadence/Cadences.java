package org.followthrough.cadence;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.common.Sql;
import org.followthrough.team.Actor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The team's cadences, stored as data; the four built-in ones exist from the first start. */
@Service
public class Cadences {

    /**
     * A cadence as a manager writes it in {@code PUT /api/v1/cadences/{key}}; {@code emailsPerDay}
     * (optional, 1 to 10) lets one prospect get more than one of its automated emails a day;
     * {@code alongside} (optional, false when left out) lets the cadence run beside the prospect's
     * other cadences.
     */
    public record Definition(
            String name, List<StepDefinition> steps, String endStage, Integer emailsPerDay, Boolean alongside) {

        public Definition(String name, List<StepDefinition> steps, String endStage, Integer emailsPerDay) {
            this(name, steps, endStage, emailsPerDay, null);
        }

        public Definition(String name, List<StepDefinition> steps, String endStage) {
            this(name, steps, endStage, null, null);
        }
    }

    /**
     * A step as a manager writes it; {@code variants} (optional) are two or more wordings tried against
     * each other, {@code review} (optional) makes an email step wait for a rep's approval.
     */
    public record StepDefinition(
            Channel channel, Delay delay, Placing placing, String template, List<Wording> variants, Boolean review) {

        public StepDefinition(Channel channel, Delay delay, Placing placing, String template) {
            this(channel, delay, placing, template, null, null);
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final StepTemplates templates;

    Cadences(JdbcClient jdbc, JsonMapper json, Clock clock, StepTemplates templates) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.templates = templates;
    }

    /**
     * Writes the built-in cadences that are missing, and brings up to date those no manager has
     * edited, so a corrected built-in cadence (such as the post-sale one) reaches existing teams.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void writeBuiltInCadencesWhenMissing() {
        for (var cadence : BuiltInCadences.all()) {
            var stored = find(cadence.key());
            if (stored.isEmpty()) {
                try {
                    store(cadence, true, null, true);
                } catch (DuplicateKeyException anotherInstanceWasFaster) {
                    // written by another instance starting at the same moment
                }
            } else if (!stored.get().equals(cadence) && neverEdited(cadence.key())) {
                store(cadence, false, null, true);
            }
        }
    }

    private boolean neverEdited(String key) {
        return jdbc.sql("select count(*) from cadences where cadence_key = ? and built_in and updated_by is null")
                        .param(key)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<Cadence> find(String key) {
        return jdbc.sql("select * from cadences where cadence_key = ?")
                .param(key)
                .query((rs, i) -> new Cadence(
                        rs.getString("cadence_key"),
                        rs.getString("name"),
                        json.readValue(rs.getString("steps"), new TypeReference<List<Step>>() {}),
                        rs.getString("end_stage"),
                        (Integer) rs.getObject("emails_per_day", Integer.class),
                        rs.getBoolean("alongside")))
                .optional();
    }

    /** Read again after this long, so an edit made on another instance is seen within seconds. */
    static final java.time.Duration FRESH = java.time.Duration.ofSeconds(5);

    private record Cached(Cadence cadence, long readAtNanos) {}

    private final java.util.Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /** The cadence, or the built-in one of that key if the table does not have it yet. */
    public Cadence get(String key) {
        // a cache's freshness is about the machine's time, not the business clock tests move around
        var now = System.nanoTime();
        var cached = cache.get(key);
        if (cached != null && now - cached.readAtNanos() < FRESH.toNanos()) {
            return cached.cadence();
        }
        var cadence = read(key);
        cache.put(key, new Cached(cadence, now));
        return cadence;
    }

    private Cadence read(String key) {
        return find(key)
                .or(() -> BuiltInCadences.all().stream()
                        .filter(c -> c.key().equals(key))
                        .findFirst())
                .orElseThrow(() -> Refusal.notFound("cadence", key));
    }

    public List<Cadence> all() {
        return jdbc
                .sql("select cadence_key from cadences order by built_in desc, cadence_key")
                .query(String.class)
                .list()
                .stream()
                .map(this::get)
                .toList();
    }

    /** Creates or replaces a cadence; managers and admins only. */
    public Cadence put(Actor actor, String key, Definition definition) {
        if (!actor.seesWholeTeam()) {
            throw Refusal.forbidden("Only managers and administrators change cadences.");
        }
        var cadence = CadenceRules.check(key, definition);
        templates.check(cadence);
        store(cadence, find(key).isEmpty(), actor, false);
        cache.remove(key);
        return cadence;
    }

    /**
     * A copy of a cadence under a new key and name, to change without touching the original; it is
     * the team's own cadence, never a built-in one. Managers and admins only.
     */
    public Cadence copy(Actor actor, String from, String key, String name) {
        if (!actor.seesWholeTeam()) {
            throw Refusal.forbidden("Only managers and administrators change cadences.");
        }
        var original = get(from);
        var problems = new InvalidInput.Collector();
        if (key != null && find(key.strip()).isPresent()) {
            problems.add("key", "is taken by another cadence; choose another");
        }
        problems.throwIfAny();
        var steps = original.steps().stream()
                .map(s -> new StepDefinition(s.channel(), s.delay(), s.placing(), s.template()))
                .toList();
        var copyName = name == null || name.isBlank() ? "Copy of " + original.name() : name;
        return put(
                actor,
                key == null ? "" : key.strip(),
                new Definition(copyName, steps, original.endStage(), original.emailsPerDay(), original.alongside()));
    }

    private void store(Cadence cadence, boolean insert, Actor actor, boolean builtIn) {
        var steps = json.writeValueAsString(cadence.steps());
        var by = actor == null ? null : actor.id();
        if (insert) {
            jdbc.sql("insert into cadences (cadence_key, name, steps, end_stage, emails_per_day, alongside, built_in,"
                            + " updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            cadence.key(),
                            cadence.name(),
                            steps,
                            cadence.endStage(),
                            cadence.emailsPerDay(),
                            cadence.alongside(),
                            builtIn,
                            Sql.ts(clock.instant()),
                            by)
                    .update();
        } else {
            jdbc.sql("update cadences set name = ?, steps = ?, end_stage = ?, emails_per_day = ?, alongside = ?,"
                            + " updated_at = ?, updated_by = ? where cadence_key = ?")
                    .params(
                            cadence.name(),
                            steps,
                            cadence.endStage(),
                            cadence.emailsPerDay(),
                            cadence.alongside(),
                            Sql.ts(clock.instant()),
                            by,
                            cadence.key())
                    .update();
        }
    }

    static List<Step> numbered(List<StepDefinition> steps) {
        var numbered = new ArrayList<Step>();
        for (var s : steps) {
            numbered.add(new Step(
                    numbered.size() + 1, s.channel(), s.delay(), s.placing(), s.template(), s.variants(), s.review()));
        }
        return numbered;
    }
}
