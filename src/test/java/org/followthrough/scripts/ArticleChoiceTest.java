package org.followthrough.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which article fits a prospect: by the words of what they talked about, their industry, or generic. */
class ArticleChoiceTest {

    static final List<String> PAINS = List.of("the automatic renewal of your training contract", "Late deliveries");

    final List<Article> library = new ArrayList<>();

    @Test
    void aTopicMatchesTheWordsOfWhatTheProspectSaidIgnoringCaseSmallWordsAndPlurals() {
        var renewal = add("Before a renewal", List.of("contract renewal"), List.of(), false);
        var delivery = add("On-time delivery", List.of("delivery"), List.of(), false);

        assertThat(ArticleChoice.best(library, null, PAINS.subList(0, 1), List.of()))
                .contains(renewal);
        assertThat(ArticleChoice.best(library, null, PAINS.subList(1, 2), List.of()))
                .contains(delivery);
        assertThat(ArticleChoice.best(library, null, List.of("renewal of the office lease"), List.of()))
                .as("every word of a topic must be there: a lease renewal is not a contract renewal")
                .isEmpty();
    }

    @Test
    void aProspectInAnotherIndustryWithNothingInCommonGetsNoArticle() {
        add("For schools", List.of("enrolment"), List.of("education"), false);

        assertThat(ArticleChoice.best(library, "Logistics", PAINS, List.of())).isEmpty();
        assertThat(ArticleChoice.best(library, "Higher Education", PAINS, List.of()))
                .as("the industry's words")
                .isPresent();
    }

    @Test
    void onTopicComesFirstThenTheIndustryThenGenericAndNothingIsSentTwice() {
        var generic = add("Follow-up calls: best practices", List.of(), List.of(), true);
        var industry = add("Freight in 2026", List.of("fuel prices"), List.of("logistics"), false);
        var onTopic = add("Cutting late deliveries", List.of("late delivery"), List.of(), false);
        add("Unrelated", List.of("hiring"), List.of("retail"), false);

        assertThat(ArticleChoice.ranked(library, "logistics", PAINS, List.of()))
                .containsExactly(onTopic, industry, generic);
        assertThat(ArticleChoice.best(library, "logistics", PAINS, List.of(onTopic.id(), industry.id())))
                .contains(generic);
        assertThat(ArticleChoice.best(library, "logistics", PAINS, List.of(onTopic.id(), industry.id(), generic.id())))
                .isEmpty();
    }

    @Test
    void smallWordsAloneMatchNothing() {
        add("The plan", List.of("the plan"), List.of(), false);

        assertThat(ArticleChoice.best(library, null, List.of("the process of the team"), List.of()))
                .isEmpty();
        assertThat(ArticleChoice.words(List.of("Deliveries, renewals and the business")))
                .containsExactlyInAnyOrder("delivery", "renewal", "business");
    }

    private Article add(String title, List<String> topics, List<String> industries, boolean generic) {
        var at = Instant.parse("2026-08-01T00:00:00Z").plusSeconds(library.size());
        var article = new Article(
                UUID.randomUUID(),
                title,
                "https://example.com/" + title.hashCode(),
                topics,
                industries,
                null,
                at,
                at,
                generic);
        library.add(article);
        return article;
    }
}
