package org.followthrough.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.TestClock;
import org.followthrough.calls.NurtureSteps;
import org.followthrough.messaging.WithMailServers;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.ProspectFields;
import org.followthrough.prospects.Prospects;
import org.followthrough.scripts.ArticleDraft;
import org.followthrough.scripts.Articles;
import org.followthrough.scripts.ArticlesSent;
import org.followthrough.team.Member;
import org.followthrough.team.NewMember;
import org.followthrough.team.Role;
import org.followthrough.team.Team;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The cadence's own emails as they wait in the outbox: FTC #n's email is the n-th variant of the
 * team's template (R6), and a nurture email brings a new article for the prospect's industry each
 * time (R14, R20), never one they were sent before, one email at a time.
 */
@ApplicationTest
class CadenceEmailsTest extends WithMailServers {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    TestClock clock;

    @Autowired
    Team team;

    @Autowired
    Prospects prospects;

    @Autowired
    Articles articles;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    ArticlesSent sent;

    @Autowired
    org.followthrough.messaging.Outbox outbox;

    @BeforeEach
    void tuesdayMorning() {
        clock.set(ZonedDateTime.of(2026, 8, 18, 9, 0, 0, 0, ZoneId.of("America/New_York"))
                .toInstant());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void eachFirstTimeCallAttemptSendsTheNextVariantOfTheTemplate() {
        var rep = repWithPhone();
        var prospect = prospect(rep, "logistics");
        log(rep, prospect, "{\"outcome\":\"NO_ANSWER\"}");
        log(rep, prospect, "{\"outcome\":\"NO_ANSWER\"}");

        var emails = emails(prospect);
        assertThat(emails).hasSize(2);
        assertThat(emails.get(0).subject())
                .isEqualTo(prospect.company() + " and " + team.organisation().name());
        assertThat(emails.get(0).body())
                .startsWith("Hi Pat,")
                .contains(
                        "I'm " + rep.fullName() + " with " + team.organisation().name())
                .contains("+1 212 555 0100");
        assertThat(emails.get(1).subject()).isEqualTo("An idea for " + prospect.company());
        assertThat(emails).allSatisfy(e -> assertThat(e.body()).doesNotContain("{{"));
    }

    @Test
    void nurtureEmailsBringANewArticleForTheProspectsIndustryEachTime() {
        var rep = repWithPhone();
        var industry = "cold storage " + UUID.randomUUID().toString().substring(0, 8);
        var older = article("Keeping the cold chain unbroken", industry);
        clock.advance(java.time.Duration.ofMinutes(1)); // the library prefers the newest
        var newer = article("What frozen-food buyers ask first", industry);
        var prospect = prospect(rep, industry);
        log(rep, prospect, "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"stage\":\"NURTURE\"}}");

        assertThat(emails(prospect)).as("one nurture email planned at a time").hasSize(1);
        var steps = NurtureSteps.of(context);
        for (int email = 2; email <= 8; email++) {
            steps.nextEmailIsDue(prospect);
        }
        var nurture = emails(prospect);
        assertThat(nurture)
                .as("the nurture cadence's eight emails, each planned when the one before was due")
                .hasSize(8);
        assertThat(nurture.get(0).subject()).isEqualTo("Worth a read: " + newer.title());
        assertThat(org.followthrough.TrackedLinks.untracked(nurture.get(0).body()))
                .contains(newer.link())
                .contains("To stop receiving these emails");
        assertThat(org.followthrough.TrackedLinks.untracked(nurture.get(1).body()))
                .contains(older.link())
                .doesNotContain(newer.link());
        var links = nurture.stream()
                .flatMap(e -> org.followthrough.TrackedLinks.untracked(e.body())
                        .lines()
                        .filter(l -> l.startsWith("https://example.com/")))
                .toList();
        assertThat(links)
                .as("never the same article twice")
                .hasSizeGreaterThan(1)
                .doesNotHaveDuplicates();
        assertThat(nurture.subList(2, 8))
                .as("once the library has nothing more for them, the emails read well without an article")
                .allSatisfy(e -> {
                    assertThat(e.subject()).doesNotContain("Worth a read", "{{");
                    assertThat(org.followthrough.TrackedLinks.untracked(e.body()))
                            .doesNotContain("https://example.com/", "came across", "here is", "\"\"")
                            .startsWith("Hi Pat,");
                });
    }

    @Test
    void aNurtureEmailWithdrawnBeforeItWentOutGivesItsArticleBack() {
        var rep = repWithPhone();
        var industry = "cold storage " + UUID.randomUUID().toString().substring(0, 8);
        var only = article("Keeping the cold chain unbroken", industry);
        var prospect = prospect(rep, industry);
        log(rep, prospect, "{\"outcome\":\"CONNECTED\",\"nextStep\":{\"stage\":\"NURTURE\"}}");
        assertThat(sent.sentTo(prospect.id())).containsExactly(only.id());

        // nurture keeps one email planned at a time: withdrawing it gives its article back
        assertThat(outbox.cancelPending(prospect.id(), org.followthrough.calls.CadenceEmailPlanned.PREFIX))
                .isEqualTo(1);

        assertThat(sent.sentTo(prospect.id())).isEmpty();
        assertThat(sent.next(prospects.get(rep.asActor(), prospect.id()), List.of()))
                .map(org.followthrough.scripts.Article::id)
                .contains(only.id());
    }

    @Test
    void anArticleAnotherEmailRecordedMeanwhileIsPassedOverForTheNextBest() {
        var rep = repWithPhone();
        var industry = "cold storage " + UUID.randomUUID().toString().substring(0, 8);
        var first = article("Keeping the cold chain unbroken", industry);
        var second = article("What frozen-food buyers ask first", industry);
        var prospect = prospect(rep, industry);

        assertThat(sent.claimFirst(prospect, List.of(first), "test/" + UUID.randomUUID(), clock.instant()))
                .contains(first);
        assertThat(sent.claimFirst(prospect, List.of(first, second), "test/" + UUID.randomUUID(), clock.instant()))
                .as("two emails planned at once never carry the same article")
                .contains(second);
        assertThat(sent.claimFirst(prospect, List.of(first, second), "test/" + UUID.randomUUID(), clock.instant()))
                .isEmpty();
    }

    record Email(String subject, String body) {}

    private List<Email> emails(Prospect prospect) {
        return jdbc.sql("select subject, body from outbox where prospect_id = ? and dedupe_key like 'enrolment/%'"
                        + " order by due_at, dedupe_key")
                .param(prospect.id())
                .query((rs, i) -> new Email(rs.getString(1), rs.getString(2)))
                .list();
    }

    private void log(Member rep, Prospect prospect, String body) {
        assertThat(mvc.post()
                        .uri("/api/v1/prospects/" + prospect.id() + "/calls")
                        .header("Authorization", given.bearer(rep))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus(HttpStatus.CREATED);
    }

    private org.followthrough.scripts.Article article(String title, String industry) {
        return articles.add(
                new ArticleDraft(
                        title, "https://example.com/" + UUID.randomUUID(), List.of("cold chain"), List.of(industry)),
                null);
    }

    private Prospect prospect(Member owner, String industry) {
        var id = UUID.randomUUID().toString().substring(0, 8);
        return given.enrolled(prospects
                .create(
                        owner.asActor(),
                        new ProspectFields(
                                "Pat Lee " + id,
                                "Head of Operations",
                                "pat.lee." + id + "@acme.example",
                                null,
                                "Acme " + id,
                                null,
                                industry,
                                "US",
                                "America/New_York",
                                null,
                                null,
                                null,
                                null),
                        false,
                        "API")
                .prospect());
    }

    private Member repWithPhone() {
        var id = UUID.randomUUID().toString().substring(0, 8);
        return team.register(new NewMember(
                "rep-" + id + "@example.com", "Riley Stone " + id, Role.REP, Given.PASSWORD, "+1 212 555 0100", null));
    }
}
