package org.followthrough.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import org.followthrough.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** A new database with demo data on starts with every shipped template, playbook and a few articles. */
@ApplicationTest
@TestPropertySource(properties = "followthrough.demo=true")
class FirstStartTest {

    @Autowired
    Templates templates;

    @Autowired
    ObjectionPlaybooks playbooks;

    @Autowired
    Articles articles;

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void theShippedDefaultsAndTheDemoLibraryAreThere() throws Exception {
        // other tests in the shared context may add templates of their own; every shipped one must be there
        assertThat(templates.all())
                .extracting(StoredTemplate::templateKey)
                .containsAll(TemplateDefaults.all().stream()
                        .map(TemplateDefaults.Definition::templateKey)
                        .toList());
        assertThat(playbooks.all()).extracting(ObjectionPlaybook::category).containsExactly(ObjectionCategory.values());
        var demoTitles =
                ScriptDefaults.DEMO_ARTICLES.stream().map(ArticleDraft::title).toList();
        try (var connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getURL().startsWith("jdbc:h2:")) {
                // PostgreSQL holds a team's real data: no demo articles there, whatever the setting
                assertThat(articles.all()).extracting(Article::title).doesNotContainAnyElementsOf(demoTitles);
                return;
            }
        }
        assertThat(articles.all()).extracting(Article::title).containsAll(demoTitles);
        assertThat(articles.pick("education", java.util.List.of("contract renewal"), java.util.List.of()))
                .map(Article::title)
                .contains("What to check before an automatic contract renewal");
    }
}
