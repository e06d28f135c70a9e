package org.followthrough.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The hand-written checks of an email address and of a web domain accept exactly what the regular expressions
 * they replace accepted: on known cases, and on random texts made of the characters that matter (letters, digits,
 * the address's special characters, dots, dashes, '@', upper case and a non-ASCII letter), in the lengths where
 * labels and top-level domains hit their limits.
 */
class ShapesTest {

    /** The regular expressions as they were. */
    private static final Pattern EMAIL =
            Pattern.compile("^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

    private static final Pattern DOMAIN = Pattern.compile("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

    @Test
    void knownAddressesAndDomains() {
        for (var address : List.of(
                "pat@acme.com",
                "pat.lee+crm@mail.acme.co.uk",
                "o'brien@x1.io",
                "a@b.cd",
                "{weird}|~@a-b.example",
                "pat@acme.c",
                "pat@acme",
                ".pat@acme.com",
                "pat.@acme.com",
                "pa..t@acme.com",
                "pat@-acme.com",
                "pat@acme-.com",
                "pat@acme..com",
                "pat@acme.com.",
                "pat@acme.c0m",
                "pat@@acme.com",
                "Pat@acme.com",
                "pat@acme.com\n",
                "pät@acme.com",
                "@acme.com",
                "pat@" + "a".repeat(63) + ".com",
                "pat@" + "a".repeat(64) + ".com",
                "pat@acme." + "a".repeat(63),
                "pat@acme." + "a".repeat(64),
                "")) {
            assertThat(Shapes.email(address))
                    .as(address)
                    .isEqualTo(EMAIL.matcher(address).matches());
            var domain = address.substring(address.indexOf('@') + 1);
            assertThat(Shapes.domain(domain))
                    .as(domain)
                    .isEqualTo(DOMAIN.matcher(domain).matches());
        }
        assertThat(Shapes.email("pat.lee@acme.com")).isTrue();
        assertThat(Shapes.email("pat lee@acme.com")).isFalse();
        assertThat(Shapes.domain("acme.com")).isTrue();
        assertThat(Shapes.domain("acme")).isFalse();
    }

    @Property(tries = 20_000)
    void anEmailIsAcceptedExactlyWhenTheOldExpressionAcceptedIt(@ForAll("emailish") String text) {
        assertThat(Shapes.email(text)).as(text).isEqualTo(EMAIL.matcher(text).matches());
    }

    @Property(tries = 20_000)
    void aDomainIsAcceptedExactlyWhenTheOldExpressionAcceptedIt(@ForAll("domainish") String text) {
        assertThat(Shapes.domain(text)).as(text).isEqualTo(DOMAIN.matcher(text).matches());
    }

    @Provide
    Arbitrary<String> emailish() {
        var local = Arbitraries.strings()
                .withChars("ab9.!#'+_`{|}~-@Aé ")
                .ofMinLength(0)
                .ofMaxLength(8);
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab9.-@Z").ofMaxLength(14),
                net.jqwik.api.Combinators.combine(local, domainish()).as((l, d) -> l + "@" + d),
                net.jqwik.api.Combinators.combine(local, domainish()).as((l, d) -> l + d));
    }

    @Provide
    Arbitrary<String> domainish() {
        var label = Arbitraries.oneOf(
                Arbitraries.strings().withChars("az09-").ofMinLength(0).ofMaxLength(4),
                Arbitraries.strings().withChars("a-").ofMinLength(60).ofMaxLength(66),
                Arbitraries.strings().withChars("aZ.é_\n").ofMinLength(0).ofMaxLength(3));
        var tail = Arbitraries.oneOf(
                Arbitraries.strings().withChars("az").ofMinLength(0).ofMaxLength(4),
                Arbitraries.strings().withChars("az").ofMinLength(61).ofMaxLength(65),
                Arbitraries.strings().withChars("az0-.").ofMinLength(0).ofMaxLength(4));
        return label.list()
                .ofMinSize(0)
                .ofMaxSize(4)
                .flatMap(labels -> tail.map(t -> String.join(".", labels) + (labels.isEmpty() ? "" : ".") + t));
    }
}
