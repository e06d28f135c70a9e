package org.followthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each table is read and written by one module only; the others ask the owner's API or listen to its
 * events. The module check sees Java types only, so this reads the SQL: every table a migration
 * creates has an owner named here, and no module's SQL names a table another module owns.
 */
class OneOwnerPerTableTest {

    /** Who owns each table. */
    static final Map<String, Set<String>> OWNERS = Map.ofEntries(
            Map.entry("team", Set.of("organisation", "members", "api_tokens", "sign_in_attempts")),
            Map.entry(
                    "prospects",
                    Set.of(
                            "accounts",
                            "prospects",
                            "suppressions",
                            "owner_turns",
                            "inquiry_owners",
                            "prospect_keys",
                            "imports",
                            "import_errors",
                            "import_mappings",
                            "import_previews",
                            "prospect_contact_points")),
            Map.entry("cadence", Set.of("cadences", "calling_hours", "days_off")),
            Map.entry("calls", Set.of("enrolments", "tasks", "leads_without_next_step")),
            Map.entry("appointments", Set.of("appointments")),
            Map.entry("touches", Set.of("touches")),
            Map.entry("analytics", Set.of("call_hours", "variant_exposures", "meetings_booked")),
            Map.entry("bulk", Set.of("bulk_actions", "bulk_action_items")),
            Map.entry("inbound", Set.of("hot_page_settings")),
            Map.entry("desk", Set.of("dial_settings")),
            Map.entry("scripts", Set.of("templates", "objection_playbooks", "articles", "articles_sent")),
            Map.entry(
                    "messaging",
                    Set.of(
                            "outbox",
                            "messaging_keys",
                            "inbound_emails",
                            "mailbox_cursors",
                            "email_fallbacks",
                            "undeliverable_addresses",
                            "dkim_keys",
                            "public_address")),
            Map.entry("signals", Set.of("signals")),
            Map.entry("webhooks", Set.of("webhook_subscribers", "webhook_deliveries", "webhook_attempts")),
            Map.entry("timing", Set.of("scheduled_tasks", "timed_action_probes", "timed_action_runs")));

    /**
     * Tables of the frameworks rather than of a module: Spring Modulith's event publications, which
     * the prospects module clears of an erased person's waiting events (their data must not outlive them).
     */
    static final Set<String> FRAMEWORK = Set.of("event_publication");

    private static final Path MAIN = Path.of("src/main/java/org/followthrough");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern CREATE =
            Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern NAMED =
            Pattern.compile("(?i)\\b(?:from|join|into|update|table)\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void everyTableHasOneOwner() throws IOException {
        var owned = new TreeSet<String>();
        OWNERS.values()
                .forEach(tables -> tables.forEach(
                        t -> assertThat(owned.add(t)).as("%s has one owner", t).isTrue()));
        var created = new TreeSet<String>();
        try (var files = Files.list(MIGRATIONS)) {
            for (var file : files.toList()) {
                var matcher = CREATE.matcher(Files.readString(file));
                while (matcher.find()) {
                    created.add(matcher.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        created.removeAll(FRAMEWORK);
        assertThat(owned)
                .as("tables the migrations create, each with its owning module")
                .isEqualTo(created);
    }

    @Test
    void noModuleNamesAnotherModulesTable() throws IOException {
        var owner = OWNERS.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(t -> Map.entry(t, e.getKey())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        var trespasses = new ArrayList<String>();
        try (var files = Files.walk(MAIN)) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var relative = MAIN.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                var module = relative.getName(0).toString();
                for (var table : tablesNamedIn(Files.readString(file))) {
                    var tableOwner = owner.get(table);
                    if (tableOwner != null && !tableOwner.equals(module)) {
                        trespasses.add(relative + " names " + table + ", which " + tableOwner + " owns");
                    }
                }
            }
        }
        assertThat(trespasses).isEmpty();
    }

    @Test
    void theReaderFindsTablesInSqlButNotInComments() {
        var source =
                """
                // read from tasks here
                var sql = "select t.* from tasks t join prospects p on p.id = t.prospect_id";
                var block = \"""
                    update enrolments set status = ?
                    \""";
                """;
        assertThat(tablesNamedIn(source)).containsExactlyInAnyOrder("tasks", "prospects", "enrolments");
    }

    static List<String> tablesNamedIn(String java) {
        var code = COMMENT.matcher(java).replaceAll(" ");
        var literals = new ArrayList<String>();
        var blocks = TEXT_BLOCK.matcher(code);
        while (blocks.find()) {
            literals.add(blocks.group(1));
        }
        var strings = STRING.matcher(TEXT_BLOCK.matcher(code).replaceAll(" "));
        while (strings.find()) {
            literals.add(strings.group(1));
        }
        var tables = new ArrayList<String>();
        for (var literal : literals) {
            var named = NAMED.matcher(literal);
            while (named.find()) {
                tables.add(named.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }
}
