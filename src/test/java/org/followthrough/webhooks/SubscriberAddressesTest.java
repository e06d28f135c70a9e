package org.followthrough.webhooks;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Webhooks are not posted to FollowThrough's own machine or network unless a team allows it. */
class SubscriberAddressesTest {

    final SubscriberAddresses guarded = new SubscriberAddresses(false);

    @Test
    void localAndPrivateAddressesAreRefusedWithTheSettingThatAllowsThem() {
        for (var url : new String[] {
            "http://127.0.0.1:5432/",
            "http://localhost/hooks",
            "http://10.1.2.3/hooks",
            "http://192.168.0.10/hooks",
            "http://172.16.5.4/hooks",
            "http://169.254.169.254/latest/meta-data",
            "http://[::1]/hooks",
            "http://[fd00::1]/hooks",
            "http://0.0.0.0/hooks"
        }) {
            assertThatThrownBy(() -> guarded.check(URI.create(url)))
                    .as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("followthrough.webhooks.allow-private-addresses");
        }
    }

    @Test
    void publicAddressesPassAndATeamMayAllowItsOwnNetwork() {
        assertThatCode(() -> guarded.check(URI.create("https://93.184.215.14/hooks")))
                .doesNotThrowAnyException();
        assertThatCode(() -> new SubscriberAddresses(true).check(URI.create("http://127.0.0.1:8081/hooks")))
                .doesNotThrowAnyException();
    }
}
