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

    @Test
    void theShippedDefaultsAndTheDemoLibraryAreThere() {
        assertThat(templates.all())
                .extracting(StoredTemplate::templateKey)
                .containsExactlyInAnyOrderElementsOf(TemplateDefaults.all().stream()
                        .map(TemplateDefaults.Definition::templateKey)
                        .toList());
        assertThat(playbooks.all()).extracting(ObjectionPlaybook::category).containsExactly(ObjectionCategory.values());
        assertThat(articles.all())
                .extracting(Article::title)
                .containsAll(ScriptDefaults.DEMO_ARTICLES.stream()
                        .map(ArticleDraft::title)
                        .toList());
        assertThat(articles.pick("education", java.util.List.of("contract renewal"), java.util.List.of()))
                .map(Article::title)
                .contains("What to check before an automatic contract renewal");
    }
}
