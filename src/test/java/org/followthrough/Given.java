package org.followthrough;

import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.ProspectFields;
import org.followthrough.prospects.Prospects;
import org.followthrough.team.ApiTokens;
import org.followthrough.team.Member;
import org.followthrough.team.NewMember;
import org.followthrough.team.Role;
import org.followthrough.team.Team;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRegistry;

/** Builds the people a test needs through the real services, each with unique data. */
@TestComponent
public class Given {

    public static final String PASSWORD = "Quiet-Meadow-Compass-58";

    /** Phones are unique per test run, so an erased (suppressed) prospect never blocks another test's. */
    private static final java.util.concurrent.atomic.AtomicInteger PHONES =
            new java.util.concurrent.atomic.AtomicInteger((int) (System.nanoTime() % 5_000));

    private final Team team;
    private final ApiTokens tokens;
    private final Prospects prospects;
    private final JdbcClient jdbc;
    private final EventPublicationRegistry registry;

    public Given(Team team, ApiTokens tokens, Prospects prospects, JdbcClient jdbc, EventPublicationRegistry registry) {
        this.team = team;
        this.tokens = tokens;
        this.prospects = prospects;
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /**
     * Waits until the engine, which reacts to a new prospect after the creating transaction commits,
     * has done so: enrolled it in a cadence, or decided not to.
     */
    public Prospect enrolled(Prospect prospect) {
        settled();
        return prospect;
    }

    /**
     * Waits until every listener has handled what was published so far: the event publication
     * registry holds a publication from the moment its event is published until its listener has
     * handled it (a listener's own events are registered before its publication is completed), so an
     * empty registry means every reaction, and every reaction to a reaction, is done. Publications
     * whose listener failed are left to the retries and not waited for.
     */
    public void settled() {
        Awaitility.await("the listeners to handle every event published")
                .atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> registry.findIncompletePublications().stream()
                        .noneMatch(p -> p.getStatus() != EventPublication.Status.FAILED));
    }

    /** What the probe finds once every listener has handled what was published so far; it must find something. */
    public <T> T after(java.util.function.Supplier<T> probe) {
        settled();
        T value = probe.get();
        org.assertj.core.api.Assertions.assertThat(value)
                .as("once the listeners have handled every event")
                .isNotNull();
        return value;
    }

    /** Leaves the prospect with nothing planned, as a lost timed action or a bug would (R23). */
    public Prospect strand(Prospect prospect) {
        jdbc.sql(
                        "update tasks set status = 'CANCELLED', open_trigger_for = null where prospect_id = ? and status = 'OPEN'")
                .param(prospect.id())
                .update();
        return prospect;
    }

    /** A prospect in New York owned by the member, with a unique email. */
    public Prospect prospect(Member owner) {
        return prospect(owner, String.format("+1 212 555 %04d", PHONES.incrementAndGet() % 10_000), "US");
    }

    public Prospect prospect(Member owner, String phone, String country) {
        var unique = UUID.randomUUID().toString().substring(0, 8);
        return enrolled(prospects
                .create(
                        owner.asActor(),
                        new ProspectFields(
                                "Pat Lee " + unique,
                                "Head of Operations",
                                "pat.lee." + unique + "@acme.example",
                                phone,
                                "Acme " + unique,
                                null,
                                "Logistics",
                                country,
                                null,
                                null,
                                null,
                                null,
                                null),
                        false,
                        "API")
                .prospect());
    }

    public Member rep() {
        return member(Role.REP);
    }

    /** A rep with a phone number, so the voicemails that leave it can be prepared. */
    public Member repWithPhone(String phone) {
        return member(Role.REP, null, phone);
    }

    /**
     * A prospect with a realistic name, title and company (for pages a person will look at), a unique
     * email and the given decision role.
     */
    public Prospect named(Member owner, String fullName, String title, String company, String decisionRole) {
        var unique = UUID.randomUUID().toString().substring(0, 8);
        var email = fullName.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "." + unique + "@"
                + company.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "") + ".example";
        return enrolled(prospects
                .create(
                        owner.asActor(),
                        new ProspectFields(
                                fullName,
                                title,
                                email,
                                String.format("+1 212 555 %04d", PHONES.incrementAndGet() % 10_000),
                                company,
                                null,
                                "Logistics",
                                "US",
                                null,
                                decisionRole,
                                null,
                                null,
                                null),
                        false,
                        "API")
                .prospect());
    }

    public Member manager() {
        return member(Role.MANAGER);
    }

    public Member admin() {
        return member(Role.ADMIN);
    }

    public Member member(Role role) {
        return member(role, null, null);
    }

    /** A member with a unique email; without a name, "Test Rep 1a2b3c4d" and the like. */
    public Member member(Role role, String fullName, String phone) {
        var unique = UUID.randomUUID().toString().substring(0, 8);
        return team.register(new NewMember(
                role.name().toLowerCase() + "-" + unique + "@example.com",
                fullName != null
                        ? fullName
                        : "Test " + role.name().charAt(0)
                                + role.name().substring(1).toLowerCase() + " " + unique,
                role,
                PASSWORD,
                phone,
                "America/New_York"));
    }

    /** A personal API token for the member, ready for an Authorization header. */
    public String bearer(Member member) {
        return "Bearer " + tokens.create(member.asActor(), "test", null).token();
    }
}
