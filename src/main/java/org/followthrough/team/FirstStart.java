package org.followthrough.team;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Base64;
import org.followthrough.common.Installation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * On the first start of a new database: the organisation with its defaults, and the first
 * administrator, either from {@code FOLLOWTHROUGH_ADMIN_EMAIL}/{@code FOLLOWTHROUGH_ADMIN_PASSWORD}
 * or with a random password printed once and written to {@code ./data/initial-admin-password}.
 */
@Component
@Order(0)
@EnableConfigurationProperties(FirstStart.FirstStartSettings.class)
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final Organisations organisations;
    private final Members members;
    private final Team team;
    private final Clock clock;
    private final FirstStartSettings settings;
    private final Installation installation;

    FirstStart(
            Organisations organisations,
            Members members,
            Team team,
            Clock clock,
            FirstStartSettings settings,
            Installation installation) {
        this.organisations = organisations;
        this.members = members;
        this.team = team;
        this.clock = clock;
        this.settings = settings;
        this.installation = installation;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!organisations.exists()) {
            try {
                organisations.create(
                        new Organisation(
                                settings.organisation().name(),
                                ZoneId.of(settings.organisation().timeZone()),
                                settings.organisation().country()),
                        clock.instant());
            } catch (DuplicateKeyException anotherInstanceWasFaster) {
                log.debug("organisation created by another instance");
            }
        }
        if (members.count() == 0) {
            createFirstAdministrator();
        }
    }

    void createFirstAdministrator() {
        boolean generated = settings.admin().password() == null
                || settings.admin().password().isBlank();
        var password = generated ? randomPassword() : settings.admin().password();
        // on disk before the administrator exists: a file that cannot be written stops the start with nobody
        // registered, never leaves an administrator whose password nobody was told
        var file = generated ? writePassword(password) : null;
        try {
            team.register(new NewMember(settings.admin().email(), "Administrator", Role.ADMIN, password, null, null));
        } catch (DuplicateKeyException anotherInstanceWasFaster) {
            forget(file, password);
            return;
        } catch (RuntimeException failed) {
            forget(file, password);
            throw failed;
        }
        if (generated) {
            log.warn(
                    """

                    ================================================================
                     FollowThrough first administrator
                       email:    {}
                       password: {}
                     (shown once; also written to {})
                    ================================================================""",
                    settings.admin().email(),
                    password,
                    file.toAbsolutePath().normalize());
        } else {
            log.info(
                    "First administrator {} created from FOLLOWTHROUGH_ADMIN_EMAIL",
                    settings.admin().email());
        }
    }

    private Path writePassword(String password) {
        try {
            var dir = Path.of(installation.dataDir());
            Files.createDirectories(dir);
            var file = dir.resolve("initial-admin-password");
            Files.deleteIfExists(file);
            try {
                // readable by its owner only from the moment it exists
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                log.debug("file permissions left as they are on this file system");
            }
            Files.writeString(file, password + System.lineSeparator());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not write the initial administrator password to " + installation.dataDir()
                            + "; no administrator was created, fix the data directory and start again",
                    e);
        }
    }

    /** The administrator was not created with this password: its file would only mislead. */
    private void forget(Path file, String password) {
        try {
            if (file != null && Files.readString(file).strip().equals(password)) {
                Files.delete(file);
            }
        } catch (IOException e) {
            log.warn("Could not remove {}, which holds a password no administrator has", file, e);
        }
    }

    private static String randomPassword() {
        var bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The settings read on first start; environment variables such as FOLLOWTHROUGH_ADMIN_EMAIL bind here. */
    @ConfigurationProperties("followthrough")
    record FirstStartSettings(@DefaultValue Admin admin, @DefaultValue OrganisationDefaults organisation) {

        record Admin(@DefaultValue("admin@followthrough.local") String email, String password) {}

        record OrganisationDefaults(
                @DefaultValue("FollowThrough") String name,
                @DefaultValue("America/New_York") String timeZone,
                @DefaultValue("US") String country) {}
    }
}
