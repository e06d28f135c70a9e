package org.followthrough.scripts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The objection playbooks a rep sees during the call and a manager edits (R17). */
@Service
public class ObjectionPlaybooks {

    /** The four steps as a manager writes them. */
    public record Steps(
            @org.followthrough.common.PlainText.MultiLine String listen,
            @org.followthrough.common.PlainText.MultiLine String acknowledge,
            @org.followthrough.common.PlainText.MultiLine String explore,
            @org.followthrough.common.PlainText.MultiLine String respond) {}

    private record Default(
            ObjectionCategory category, String listen, String acknowledge, String explore, String respond) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    ObjectionPlaybooks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** All five, in category order. */
    public List<ObjectionPlaybook> all() {
        return jdbc.sql("select * from objection_playbooks").query(ObjectionPlaybooks::row).list().stream()
                .sorted(java.util.Comparator.comparing(ObjectionPlaybook::category))
                .toList();
    }

    public Optional<ObjectionPlaybook> find(ObjectionCategory category) {
        return jdbc.sql("select * from objection_playbooks where category = ?")
                .param(category.name())
                .query(ObjectionPlaybooks::row)
                .optional();
    }

    @Transactional
    public ObjectionPlaybook save(ObjectionCategory category, Steps steps, String updatedBy) {
        var problems = new InvalidInput.Collector();
        require(problems, "listen", steps.listen());
        require(problems, "acknowledge", steps.acknowledge());
        require(problems, "explore", steps.explore());
        require(problems, "respond", steps.respond());
        problems.throwIfAny();
        var playbook = new ObjectionPlaybook(
                category,
                steps.listen().strip(),
                steps.acknowledge().strip(),
                steps.explore().strip(),
                steps.respond().strip(),
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                updatedBy);
        int changed = jdbc.sql(
                        """
                update objection_playbooks set listen = ?, acknowledge = ?, explore = ?, respond = ?,
                    updated_at = ?, updated_by = ?
                where category = ?""")
                .params(
                        playbook.listen(),
                        playbook.acknowledge(),
                        playbook.explore(),
                        playbook.respond(),
                        Sql.ts(playbook.updatedAt()),
                        updatedBy,
                        category.name())
                .update();
        if (changed == 0) {
            insert(playbook);
        }
        return playbook;
    }

    /** The shipped playbooks, for categories the team has none of yet. */
    void addDefaults(Instant now) {
        for (var d : defaults()) {
            jdbc.sql(
                            """
                    insert into objection_playbooks (category, listen, acknowledge, explore, respond, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, ?, null)
                    on conflict do nothing""")
                    .params(d.category().name(), d.listen(), d.acknowledge(), d.explore(), d.respond(), Sql.ts(now))
                    .update();
        }
    }

    /** The shipped playbooks as they are in the resource file. */
    public static List<ObjectionPlaybook> defaults() {
        try (InputStream in = ObjectionPlaybooks.class.getResourceAsStream("/scripts/default-playbooks.yaml")) {
            List<Default> all = YAMLMapper.builder().build().readValue(in, new TypeReference<List<Default>>() {});
            return all.stream()
                    .map(d -> new ObjectionPlaybook(
                            d.category(), d.listen(), d.acknowledge(), d.explore(), d.respond(), null, null))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the default objection playbooks could not be read", e);
        }
    }

    private void insert(ObjectionPlaybook p) {
        jdbc.sql(
                        """
                insert into objection_playbooks (category, listen, acknowledge, explore, respond, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        p.category().name(),
                        p.listen(),
                        p.acknowledge(),
                        p.explore(),
                        p.respond(),
                        Sql.ts(p.updatedAt()),
                        p.updatedBy())
                .update();
    }

    private static void require(InvalidInput.Collector problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field, "is required: what the rep does in this LAER step");
        } else if (value.length() > 4000) {
            problems.add(field, "must have at most 4000 characters");
        }
    }

    private static ObjectionPlaybook row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ObjectionPlaybook(
                ObjectionCategory.valueOf(rs.getString("category")),
                rs.getString("listen"),
                rs.getString("acknowledge"),
                rs.getString("explore"),
                rs.getString("respond"),
                Sql.instant(rs, "updated_at"),
                rs.getString("updated_by"));
    }
}
