package org.followthrough.common;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;

/** The one clock every module reads time from; a test clock, when present, takes its place to move time without waiting. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    @Fallback
    Clock clock() {
        return Clock.systemUTC();
    }
}
