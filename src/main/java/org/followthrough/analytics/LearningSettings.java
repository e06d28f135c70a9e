package org.followthrough.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Best times to call (R4, R19), learned from the team's calls.
 *
 * @param relearnEvery how often each instance learns the team's connect rates again (default 15
 *     minutes; 0 keeps R4's priors)
 */
@ConfigurationProperties("followthrough.best-times")
record LearningSettings(@DefaultValue("15m") Duration relearnEvery) {}
