package org.followthrough.timing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.UUID;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Scheduler settings that depend on where FollowThrough runs. Each instance gets its own name (host
 * plus a random suffix), so two instances on one machine, or a restarted one, are told apart. On
 * PostgreSQL the scheduler locks and fetches due actions in one statement ({@code FOR UPDATE SKIP
 * LOCKED}), which keeps several instances from competing for the same rows; H2 does not support
 * that and keeps fetch-then-lock polling. Explicit settings always win.
 */
class SchedulerSettings implements EnvironmentPostProcessor {

    static final String STRATEGY = "db-scheduler.polling-strategy";
    static final String NAME = "db-scheduler.scheduler-name";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var defaults = new HashMap<String, Object>();
        if (!environment.containsProperty(NAME)) {
            defaults.put(NAME, host() + "-" + UUID.randomUUID().toString().substring(0, 8));
        }
        var url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:postgresql:") && !environment.containsProperty(STRATEGY)) {
            defaults.put(STRATEGY, "lock_and_fetch");
        }
        environment.getPropertySources().addLast(new MapPropertySource("followthrough-scheduler", defaults));
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "followthrough";
        }
    }
}
