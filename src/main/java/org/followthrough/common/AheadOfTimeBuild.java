package org.followthrough.common;

import java.util.ArrayList;
import java.util.List;
import org.springframework.aot.AotDetector;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A build processed ahead of time ({@code ./mvnw -Paot package}, started with
 * {@code -Dspring.aot.enabled=true}) fixes at build time which optional parts exist: Spring's
 * documented limit of that processing. FollowThrough reads the settings that matter at start (the mail
 * server, the database, every {@code followthrough.*} record), except the switches below, which add or
 * leave out a part; such a build has each at its default. Rather than silently ignore one set otherwise,
 * such a start stops and says which, and what to do.
 */
@Component
class AheadOfTimeBuild {

    /** The settings whose part exists or not by their value, each at its default in a processed build. */
    static final List<String> FIXED_AT_BUILD = List.of(
            "followthrough.signals.fast-path",
            "followthrough.mail.scheduled-delivery",
            "followthrough.webhooks.scheduled-delivery");

    AheadOfTimeBuild(Environment environment) {
        if (AotDetector.useGeneratedArtifacts()) {
            var changed = changed(environment);
            if (!changed.isEmpty()) {
                throw new IllegalStateException("This build was processed ahead of time, which keeps "
                        + String.join(", ", changed)
                        + " at the default (true); remove the setting, or run a build made without -Paot");
            }
        }
    }

    static List<String> changed(Environment environment) {
        var changed = new ArrayList<String>();
        for (var name : FIXED_AT_BUILD) {
            if (!environment.getProperty(name, Boolean.class, true)) {
                changed.add(name);
            }
        }
        return changed;
    }
}
