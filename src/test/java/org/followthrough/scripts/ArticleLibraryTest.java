package org.followthrough.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.team.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The article library through HTTP, and how the next article for a prospect is picked. */
@ApplicationTest
class ArticleLibraryTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    Articles articles;

    @Test
    void aRepAddsAnArticleThatEveryoneSees() {
        var rep = given.rep();

        var result = send(mvc.post().uri("/api/v1/articles"), rep, article("https://example.com/a"))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result.getResponse().getHeader("Location")).startsWith("/api/v1/articles/");
        assertThat(result).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.topics").asArray().containsExactly("contract renewal", "training");
            assertThat(json).extractingPath("$.industries").asArray().containsExactly("education");
        });
        assertThat(mvc.get().uri("/api/v1/articles").with(as(given.rep())))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].link")
                .asArray()
                .contains("https://example.com/a");
    }

    @Test
    void onlyTheRepWhoAddedItOrAManagerChangesOrRemovesIt() {
        var rep = given.rep();
        var id = articles.add(new ArticleDraft("Mine", "https://example.com/mine", List.of(), List.of()), rep.asActor())
                .id();
        var other = given.rep();

        assertThat(send(mvc.put().uri("/api/v1/articles/" + id), other, article("https://example.com/theirs")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.delete().uri("/api/v1/articles/" + id).with(as(other))).hasStatus(HttpStatus.FORBIDDEN);

        assertThat(send(mvc.put().uri("/api/v1/articles/" + id), rep, article("https://example.com/changed")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.link")
                .isEqualTo("https://example.com/changed");
        assertThat(mvc.delete().uri("/api/v1/articles/" + id).with(as(given.manager())))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(articles.find(id)).isEmpty();
        assertThat(mvc.delete().uri("/api/v1/articles/" + id).with(as(rep))).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void badArticlesAreRefusedNamingEachField() {
        var rep = given.rep();

        assertThat(send(
                        mvc.post().uri("/api/v1/articles"),
                        rep,
                        "{\"title\":\" \",\"link\":\"javascript:alert(1)\",\"topics\":[\"\"]}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("title", "link", "topics");
        assertThat(send(mvc.post().uri("/api/v1/articles"), rep, "{\"title\":\"t\",\"link\":\"ftp://example.com/x\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("link");
        assertThat(send(mvc.put().uri("/api/v1/articles/not-a-uuid"), rep, article("https://example.com/x")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("id");
    }

    @Test
    void pickPrefersWhatTheProspectTalkedAboutThenTheirIndustryAndNeverAnUnrelatedArticle() {
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var manager = given.manager().asActor();
        var industry = "industry-" + tag;
        var topic = "topic-" + tag;
        var forIndustry = articles.add(
                new ArticleDraft("For the industry", "https://example.com/i", List.of(), List.of(industry)), manager);
        var forTopic = articles.add(
                new ArticleDraft("On the topic", "https://example.com/t", List.of(topic), List.of()), manager);
        var pains = List.of("our " + topic.toUpperCase() + " problems");

        assertThat(articles.pick(industry.toUpperCase(), pains, List.of()))
                .map(Article::id)
                .contains(forTopic.id());
        assertThat(articles.pick(industry, pains, List.of(forTopic.id())))
                .map(Article::id)
                .contains(forIndustry.id());
        var generic = articles.all().stream()
                .filter(Article::generic)
                .map(Article::id)
                .toList();
        var sent = new java.util.ArrayList<>(generic);
        sent.add(forIndustry.id());
        sent.add(forTopic.id());
        assertThat(articles.pick(industry, pains, sent)).isEmpty();
        assertThat(articles.pick("other-" + tag, Set.of("other-" + tag), generic))
                .as("nothing for another industry and topic")
                .isEmpty();
    }

    @Test
    void anArticleMarkedGenericStaysSoWhenItIsChangedWithoutSayingAndGoesToAnyone() {
        var rep = given.rep();
        var created = send(
                        mvc.post().uri("/api/v1/articles"),
                        rep,
                        "{\"title\":\"Follow-up best practices\",\"link\":\"https://example.com/g\",\"generic\":true}")
                .exchange();
        assertThat(created)
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.generic")
                .isEqualTo(true);
        var location = created.getResponse().getHeader("Location");
        var id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

        assertThat(send(mvc.put().uri("/api/v1/articles/" + id), rep, article("https://example.com/g2")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.generic")
                .isEqualTo(true);
        var othersSent = articles.all().stream()
                .map(Article::id)
                .filter(a -> !a.equals(id))
                .toList();
        assertThat(articles.pick("nothing-like-it", List.of("nothing"), othersSent))
                .map(Article::id)
                .contains(id);
        articles.remove(id, given.manager().asActor());
    }

    private static String article(String link) {
        return """
                {"title":"What to check before an automatic renewal","link":"%s",
                 "topics":["Contract renewal","training","contract renewal"],"industries":["Education"]}"""
                .formatted(link);
    }

    private MockMvcTester.MockMvcRequestBuilder send(
            MockMvcTester.MockMvcRequestBuilder request, Member member, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body).with(as(member));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(Member member) {
        return httpBasic(member.email(), Given.PASSWORD);
    }
}
