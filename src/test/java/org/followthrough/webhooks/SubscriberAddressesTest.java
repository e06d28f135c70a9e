package org.followthrough.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import org.followthrough.common.InvalidInput;
import org.junit.jupiter.api.Test;

/**
 * Webhooks are not posted to FollowThrough's own machine or network unless a team allows it, however the
 * address is spelled. The spellings are those the WHATWG URL standard's IPv4 parser (which browsers and
 * curl follow) reads as 127.0.0.1; the ranges are IANA's IPv4 and IPv6 special-purpose address registries.
 */
class SubscriberAddressesTest {

    final SubscriberAddresses guarded = new SubscriberAddresses(false);

    @Test
    void localAndPrivateAddressesAreRefusedWithTheSettingThatAllowsThem() {
        for (var url : new String[] {
            "http://127.0.0.1:5432/",
            "http://localhost/hooks",
            "http://api.localhost/hooks",
            "http://10.1.2.3/hooks",
            "http://192.168.0.10/hooks",
            "http://172.16.5.4/hooks",
            "http://100.64.0.1/hooks",
            "http://169.254.169.254/latest/meta-data",
            "http://[::1]/hooks",
            "http://[::]/hooks",
            "http://[fd00::1]/hooks",
            "http://[fe80::1%25eth0]/hooks",
            "http://[fe80::1]/hooks",
            "http://0.0.0.0/hooks",
            "http://224.0.0.1/hooks"
        }) {
            refused(url);
        }
    }

    @Test
    void everySpellingOfAnIpv4AddressIsTheAddressItStandsFor() {
        for (var url : new String[] {
            "http://0x7f000001:8080/hooks",
            "http://0X7F000001/hooks",
            "http://0177.0.0.1:8080/hooks",
            "http://2130706433/hooks",
            "http://127.1/hooks",
            "http://127.0.1/hooks",
            "http://0x7f.1/hooks",
            "http://0177.0x0.0.01/hooks",
            "http://127.0.0.1./hooks",
            "http://017700000001/hooks",
            "http://user@0x0a000001:80/hooks",
            "http://0xa9.0xfe.0xa9.0xfe/latest/meta-data"
        }) {
            refused(url);
        }
        assertThat(SubscriberAddresses.ipv4("0x7f000001")).containsExactly(127, 0, 0, 1);
        assertThat(SubscriberAddresses.ipv4("0177.0.0.1")).containsExactly(127, 0, 0, 1);
        assertThat(SubscriberAddresses.ipv4("2130706433")).containsExactly(127, 0, 0, 1);
        assertThat(SubscriberAddresses.ipv4("127.1")).containsExactly(127, 0, 0, 1);
        assertThat(SubscriberAddresses.ipv4("192.168.257")).containsExactly(192, 168, 1, 1);
        assertThat(SubscriberAddresses.ipv4("crm.example")).isNull();
    }

    @Test
    void anIpv6AddressCarryingAPrivateIpv4OneIsRefused() {
        for (var url : new String[] {
            "http://[::ffff:127.0.0.1]/hooks",
            "http://[::ffff:7f00:1]/hooks",
            "http://[0:0:0:0:0:ffff:10.0.0.1]/hooks",
            "http://[::127.0.0.1]/hooks",
            "http://[64:ff9b::10.0.0.1]/hooks",
            "http://[64:ff9b::a9fe:a9fe]/hooks",
            "http://[64:ff9b:1::1]/hooks",
            "http://[2002:7f00:1::]/hooks",
            "http://[2002:c0a8:0101::1]/hooks",
            "http://[2001:0:4136:e378::1]/hooks"
        }) {
            refused(url);
        }
    }

    @Test
    void malformedNumericHostsAreRefusedRatherThanGuessed() {
        for (var url : new String[] {"http://1.2.3.4.5/hooks", "http://256.1.1.1/hooks", "http://0x1ffffffff/hooks"}) {
            assertThatThrownBy(() -> guarded.check(URI.create(url)))
                    .as(url)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void publicAddressesPassAndATeamMayAllowItsOwnNetwork() throws Exception {
        for (var url : new String[] {
            "https://93.184.215.14/hooks",
            "http://0x5db8d70e/hooks",
            "http://[2606:4700:4700::1111]/hooks",
            "http://[::ffff:93.184.215.14]/hooks",
            "http://[2002:5db8:d70e::1]/hooks",
            "http://[64:ff9b::93.184.215.14]/hooks"
        }) {
            assertThatCode(() -> guarded.check(URI.create(url))).as(url).doesNotThrowAnyException();
        }
        assertThatCode(() -> new SubscriberAddresses(true).check(URI.create("http://0x7f000001:8081/hooks")))
                .doesNotThrowAnyException();
        assertThat(SubscriberAddresses.refused(InetAddress.getByName("8.8.8.8")))
                .isEmpty();
    }

    @Test
    void aSubscriptionToAnyPrivateSpellingIsRefusedAtCreationNamingTheUrl() {
        var webhooks = new Webhooks(null, null, guarded);
        for (var url :
                new String[] {"http://0x7f000001:9/hooks", "http://0177.0.0.1:9/", "http://[::ffff:10.0.0.1]/"}) {
            assertThatThrownBy(() -> webhooks.subscribe(null, new Webhooks.Subscription(url, "s".repeat(20), null)))
                    .as(url)
                    .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.problems())
                            .singleElement()
                            .satisfies(p -> {
                                assertThat(p.field()).isEqualTo("url");
                                assertThat(p.message()).contains("allow-private-addresses");
                            }));
        }
    }

    private void refused(String url) {
        assertThatThrownBy(() -> guarded.check(URI.create(url)))
                .as(url)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("followthrough.webhooks.allow-private-addresses");
    }
}
