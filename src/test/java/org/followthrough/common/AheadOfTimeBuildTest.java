package org.followthrough.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aot.AotDetector;
import org.springframework.mock.env.MockEnvironment;

/** A build processed ahead of time refuses to start with a part-deciding switch it cannot honour. */
class AheadOfTimeBuildTest {

    @AfterEach
    void ordinaryBuild() {
        System.clearProperty(AotDetector.AOT_ENABLED);
    }

    @Test
    void namesEverySwitchSetAwayFromItsDefault() {
        var environment = new MockEnvironment()
                .withProperty("followthrough.signals.fast-path", "false")
                .withProperty("followthrough.mail.scheduled-delivery", "true")
                .withProperty("followthrough.webhooks.scheduled-delivery", "false");

        assertThat(AheadOfTimeBuild.changed(environment))
                .containsExactly("followthrough.signals.fast-path", "followthrough.webhooks.scheduled-delivery");
        assertThat(AheadOfTimeBuild.changed(new MockEnvironment())).isEmpty();
    }

    @Test
    void anOrdinaryBuildStartsWithAnySwitch() {
        var environment = new MockEnvironment().withProperty("followthrough.signals.fast-path", "false");
        new AheadOfTimeBuild(environment);
    }

    @Test
    void aProcessedBuildStopsAndSaysWhich() {
        System.setProperty(AotDetector.AOT_ENABLED, "true");
        var environment = new MockEnvironment().withProperty("followthrough.mail.scheduled-delivery", "false");

        assertThatThrownBy(() -> new AheadOfTimeBuild(environment))
                .hasMessageContaining("followthrough.mail.scheduled-delivery")
                .hasMessageContaining("without -Paot");
        assertThat(AheadOfTimeBuild.FIXED_AT_BUILD).hasSize(3);
    }
}
