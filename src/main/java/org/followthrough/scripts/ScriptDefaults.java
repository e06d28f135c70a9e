package org.followthrough.scripts;

import java.time.Clock;
import java.util.List;
import org.followthrough.common.Installation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On every start, adds the shipped templates and playbooks the team does not have yet, and brings
 * shipped templates nobody has edited up to this version's wording (an edited one is never touched). On the first start of a new database with demo data on, fills the
 * article library with a few articles (example links, to be replaced by the team's own reading) to
 * show how reminders carry one.
 */
@Component
@Order(10)
class ScriptDefaults implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ScriptDefaults.class);

    static final List<ArticleDraft> DEMO_ARTICLES = List.of(
            new ArticleDraft(
                    "Follow-up calls in sales: best practices",
                    "https://example.com/library/follow-up-calls-best-practices",
                    List.of("follow-up", "sales process"),
                    List.of("software", "professional services")),
            new ArticleDraft(
                    "How to shorten a long sales cycle",
                    "https://example.com/library/shorten-a-long-sales-cycle",
                    List.of("sales cycle", "decision making"),
                    List.of("manufacturing")),
            new ArticleDraft(
                    "What to check before an automatic contract renewal",
                    "https://example.com/library/before-an-automatic-renewal",
                    List.of("contract renewal", "procurement"),
                    List.of("education", "software")),
            new ArticleDraft(
                    "Training that sticks: measuring the effect of online learning",
                    "https://example.com/library/training-that-sticks",
                    List.of("training", "online learning"),
                    List.of("education", "healthcare")),
            new ArticleDraft(
                    "Budgeting for new tools when the year's plan is already set",
                    "https://example.com/library/budgeting-for-new-tools",
                    List.of("budget", "procurement"),
                    List.of()));

    private final Templates templates;
    private final TemplateRows rows;
    private final TemplateCache cache;
    private final ObjectionPlaybooks playbooks;
    private final Articles articles;
    private final Clock clock;
    private final boolean demo;
    private final javax.sql.DataSource dataSource;

    ScriptDefaults(
            Templates templates,
            TemplateRows rows,
            TemplateCache cache,
            ObjectionPlaybooks playbooks,
            Articles articles,
            Clock clock,
            Installation installation,
            javax.sql.DataSource dataSource) {
        this.templates = templates;
        this.rows = rows;
        this.cache = cache;
        this.playbooks = playbooks;
        this.articles = articles;
        this.clock = clock;
        this.demo = installation.demo();
        this.dataSource = dataSource;
    }

    @Override
    public void run(ApplicationArguments args) {
        var now = clock.instant();
        boolean newDatabase = templates.all().isEmpty();
        int added = 0;
        int refreshed = 0;
        for (var definition : TemplateDefaults.all()) {
            if (rows.addDefault(definition, now)) {
                added++;
            } else if (rows.refreshUnedited(definition, now)) {
                refreshed++;
            }
        }
        playbooks.addDefaults(now);
        cache.forget();
        if (added > 0 || refreshed > 0) {
            log.info(
                    "Added {} default templates, updated {} unedited ones to this version's wording", added, refreshed);
        }
        // demo data belongs to a new embedded database only, never to a team's PostgreSQL
        if (newDatabase && demo && embedded() && articles.all().isEmpty()) {
            DEMO_ARTICLES.forEach(a -> articles.addDemo(a, now));
            log.info("Added {} demo articles to the library", DEMO_ARTICLES.size());
        }
    }

    private boolean embedded() {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL().startsWith("jdbc:h2:");
        } catch (java.sql.SQLException e) {
            return false;
        }
    }
}
