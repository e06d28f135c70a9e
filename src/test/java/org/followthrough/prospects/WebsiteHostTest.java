package org.followthrough.prospects;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.followthrough.common.Shapes;

/**
 * A website's host read by hand from a plain address gives the company the same domain as reading the address
 * with {@link URI} did, for every address: the same domain kept, or the same refusal.
 */
class WebsiteHostTest {

    @Property(tries = 30_000)
    void thePlainReadingKeepsWhatURIKept(@ForAll("addresses") String url) {
        assertThat(kept(url, true)).as(url).isEqualTo(kept(url, false));
    }

    @Property(tries = 200)
    void plainAddressesAreReadByHand(@ForAll("plain") String url) {
        assertThat(Intake.plainUrlHost(url, url.indexOf("://"))).as(url).isNotNull();
        assertThat(kept(url, true)).as(url).isEqualTo(kept(url, false));
    }

    /** The domain the company is given, or null when the website is refused: Intake's steps for an address. */
    private static String kept(String url, boolean byHand) {
        String host;
        try {
            var plain = byHand ? Intake.plainUrlHost(url, url.indexOf("://")) : null;
            host = plain != null ? plain : URI.create(url).getHost();
            host = host == null ? "" : host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            host = "";
        }
        return host.length() <= 253 && Shapes.domain(host) ? host : null;
    }

    @Provide
    Arbitrary<String> addresses() {
        var scheme = Arbitraries.of("https", "http", "h2", "a+b", "1x", "", "ht tp", "-a");
        var host = Arbitraries.strings().withChars("aw.z09-_:@ %é").ofMaxLength(14);
        var rest = Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.strings()
                        .withChars("/a.-~_?#=& %\"é")
                        .ofMaxLength(8)
                        .map(s -> "/" + s),
                Arbitraries.strings().withChars(":?#@/a1").ofMaxLength(6));
        return Combinators.combine(scheme, host, rest).as((s, h, r) -> s + "://" + h + r);
    }

    @Provide
    Arbitrary<String> plain() {
        var label = Arbitraries.strings().withChars("abz09").ofMinLength(1).ofMaxLength(8);
        var path = Arbitraries.strings().withChars("az09-._~/").ofMaxLength(12);
        return Combinators.combine(Arbitraries.of("https://", "http://", "http://www."), label, label, path)
                .as((s, a, b, p) -> s + a + "." + b + ".com/" + p);
    }
}
