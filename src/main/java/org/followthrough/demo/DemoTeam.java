package org.followthrough.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.followthrough.common.Installation;
import org.followthrough.prospects.ProspectFields;
import org.followthrough.prospects.Prospects;
import org.followthrough.team.Member;
import org.followthrough.team.NewMember;
import org.followthrough.team.Role;
import org.followthrough.team.Team;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo team once, on a new embedded database only (never on PostgreSQL, where a team keeps
 * its real data): a manager and three reps with random passwords, printed and written to
 * {@code ./data/demo-accounts.txt}, and prospects in several countries and time zones.
 */
@Component
@Order(10)
class DemoTeam implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTeam.class);
    static final String DOMAIN = "demo.followthrough.example";

    private final Team team;
    private final Prospects prospects;
    private final DataSource dataSource;
    private final boolean enabled;
    private final String dataDir;

    DemoTeam(Team team, Prospects prospects, DataSource dataSource, Installation installation) {
        this.team = team;
        this.prospects = prospects;
        this.dataSource = dataSource;
        this.enabled = installation.demo();
        this.dataDir = installation.dataDir();
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!enabled || !embedded() || alreadySeeded()) {
            return;
        }
        var accounts = new ArrayList<String>();
        var password = password();
        var manager = member("Morgan Avery", "morgan", Role.MANAGER, password, "America/New_York");
        var reps = List.of(
                member("Riley Chen", "riley", Role.REP, password, "America/New_York"),
                member("Sam Okafor", "sam", Role.REP, password, "Europe/London"),
                member("Jules Martin", "jules", Role.REP, password, "America/Chicago"));
        accounts.add(manager.email());
        reps.forEach(r -> accounts.add(r.email()));
        var people = DemoProspects.all();
        for (int i = 0; i < people.size(); i++) {
            var owner = reps.get(i % reps.size());
            prospects.create(owner.asActor(), people.get(i), false, "DEMO");
        }
        var file = write(accounts, password);
        log.warn(
                """

                ================================================================
                 FollowThrough demo team ({} prospects)
                   manager: {}
                   reps:    {}
                   password for all of them: {}
                 (also written to {})
                ================================================================""",
                people.size(),
                manager.email(),
                String.join(", ", accounts.subList(1, accounts.size())),
                password,
                file.toAbsolutePath().normalize());
    }

    private Member member(String name, String user, Role role, String password, String zone) {
        return team.register(
                new NewMember(user + "@" + DOMAIN, name, role, password, "+1 212 555 01" + (10 + user.length()), zone));
    }

    private boolean embedded() throws Exception {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL().startsWith("jdbc:h2:");
        }
    }

    private boolean alreadySeeded() {
        return team.members().stream().anyMatch(m -> m.email().endsWith("@" + DOMAIN));
    }

    private Path write(List<String> accounts, String password) throws IOException {
        var dir = Files.createDirectories(Path.of(dataDir));
        var file = dir.resolve("demo-accounts.txt");
        Files.writeString(
                file,
                String.join(System.lineSeparator(), accounts) + System.lineSeparator() + "password: " + password
                        + System.lineSeparator());
        return file;
    }

    private static String password() {
        var bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return "Demo-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static ProspectFields person(
            String name,
            String title,
            String email,
            String phone,
            String company,
            String domain,
            String industry,
            String country,
            String role) {
        return new ProspectFields(
                name, title, email, phone, company, domain, industry, country, null, role, null, null, null);
    }
}
