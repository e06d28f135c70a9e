package org.followthrough.prospects;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainPhoneText} reads every text as {@code PhoneNumberUtil.parse} does. The independent source is
 * libphonenumber's own example numbers ({@code getExampleNumberForType} for every supported region and every type,
 * {@code getExampleNumberForNonGeoEntity} for every calling code of no country), each written in E.164, in the
 * international, national and RFC 3966 formats, as dialled from abroad, and with its spaces turned into other
 * punctuation or taken away; each text is read with the number's own region, with others and with none. Then texts
 * made at random of the characters that matter to the shorter way (digits, +, punctuation, and some that send the
 * text to {@code parse}), so that the edges (too short, too long, a + in the middle, a national prefix alone) are
 * met too.
 */
class PlainPhoneTextTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private static final List<String> OTHER_REGIONS = List.of("US", "DE", "GB", "FR", "IT", "BR", "JP", "AR", "MX");

    @Test
    void theShorterWayIsFoundInThisLibphonenumber() {
        assertThat(PlainPhoneText.shortened()).isTrue();
    }

    @Test
    void everyExampleNumberInEveryWayOfWritingItReadsAsLibphonenumberReadsIt() {
        var examples = new ArrayList<PhoneNumber>();
        for (var region : UTIL.getSupportedRegions()) {
            for (var type : PhoneNumberType.values()) {
                var example = UTIL.getExampleNumberForType(region, type);
                if (example != null) {
                    examples.add(example);
                }
            }
        }
        for (int code : UTIL.getSupportedGlobalNetworkCallingCodes()) {
            var example = UTIL.getExampleNumberForNonGeoEntity(code);
            if (example != null) {
                examples.add(example);
            }
        }
        assertThat(examples.size()).as("libphonenumber's examples").isGreaterThan(1_000);
        int compared = 0;
        int plain = 0;
        for (var example : examples) {
            var own = UTIL.getRegionCodeForNumber(example);
            var regions = new ArrayList<String>();
            regions.add(own);
            regions.add("ZZ");
            regions.add(null);
            regions.addAll(OTHER_REGIONS);
            for (var text : writings(example)) {
                for (var region : regions) {
                    sameAsLibphonenumber(text, region);
                    compared++;
                    if (PlainPhoneText.plainDigits(text) != null) {
                        plain++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(200_000);
        assertThat(plain).as("texts read the shorter way").isGreaterThan(compared / 2);
    }

    @Test
    void randomTextsReadAsLibphonenumberReadsThem() {
        var random = new Random(20261207L);
        String[] pieces = {
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "00", "011", "0", "+", " ", "-", ".", "(", ")", "/", "x",
            "#", ",", ";", "~", "ext", "+1", "+44", "+49", "+39", "+54 9", "+800", "+882", "\u00a0", "\uff11"
        };
        var regions = new ArrayList<>(UTIL.getSupportedRegions());
        regions.add("ZZ");
        regions.add(null);
        int plain = 0;
        for (int i = 0; i < 60_000; i++) {
            var text = new StringBuilder();
            int length = random.nextInt(18);
            for (int p = 0; p < length; p++) {
                // mostly digits, so that many texts are numbers of a plausible length
                text.append(
                        random.nextInt(3) > 0
                                ? (char) ('0' + random.nextInt(10))
                                : pieces[random.nextInt(pieces.length)]);
            }
            var region = i % 3 == 0 ? "US" : regions.get(random.nextInt(regions.size()));
            sameAsLibphonenumber(text.toString(), region);
            if (PlainPhoneText.plainDigits(text.toString()) != null) {
                plain++;
            }
        }
        assertThat(plain).as("random texts read the shorter way").isGreaterThan(10_000);
    }

    @Test
    void theKindIsLibphonenumbersRegionAndType() throws NumberParseException {
        var random = new Random(7L);
        for (var region : UTIL.getSupportedRegions()) {
            for (var type : PhoneNumberType.values()) {
                var example = UTIL.getExampleNumberForType(region, type);
                if (example == null) {
                    continue;
                }
                var digits = new StringBuilder(UTIL.getNationalSignificantNumber(example));
                for (int i = 0; i < 5; i++) {
                    var number = UTIL.parse("+" + example.getCountryCode() + digits, "ZZ");
                    var kind = PlainPhoneText.kind(number);
                    assertThat(kind.region()).as(number.toString()).isEqualTo(UTIL.getRegionCodeForNumber(number));
                    assertThat(kind.type()).as(number.toString()).isEqualTo(UTIL.getNumberType(number));
                    digits.setCharAt(digits.length() - 1 - random.nextInt(Math.min(3, digits.length())), (char)
                            ('0' + random.nextInt(10)));
                }
            }
        }
    }

    /** The ways files write a number: libphonenumber's formats and the same with other punctuation. */
    private static Set<String> writings(PhoneNumber number) {
        var texts = new LinkedHashSet<String>();
        var international = UTIL.format(number, PhoneNumberFormat.INTERNATIONAL);
        var national = UTIL.format(number, PhoneNumberFormat.NATIONAL);
        texts.add(UTIL.format(number, PhoneNumberFormat.E164));
        texts.add(UTIL.format(number, PhoneNumberFormat.RFC3966));
        for (var from : List.of("US", "DE", "GB", "JP", "AU")) {
            texts.add(UTIL.formatOutOfCountryCallingNumber(number, from));
        }
        for (var written : List.of(international, national)) {
            texts.add(written);
            texts.add(" " + written + " ");
            texts.add(written.replace(' ', '-'));
            texts.add(written.replace(' ', '.'));
            texts.add(written.replace(' ', '/'));
            texts.add(written.replace(" ", ""));
            texts.add(written.replace(" ", "  "));
            int space = written.indexOf(' ');
            if (space > 0) {
                // the first group in brackets: "(+1) 212 555 0147", "(030) 1234567"
                texts.add("(" + written.substring(0, space) + ")" + written.substring(space));
            }
            texts.add(written + " ext. 12");
            texts.add(written + " x12");
            texts.add(written + "#");
        }
        // the national digits alone, with and without the country code before them
        var significant = UTIL.getNationalSignificantNumber(number);
        texts.add(significant);
        texts.add(number.getCountryCode() + significant);
        texts.add(number.getCountryCode() + " " + significant);
        return texts;
    }

    private static void sameAsLibphonenumber(String text, String region) {
        PhoneNumber expected = null;
        NumberParseException.ErrorType expectedError = null;
        try {
            expected = UTIL.parse(text, region);
        } catch (NumberParseException e) {
            expectedError = e.getErrorType();
        }
        PhoneNumber actual = null;
        NumberParseException.ErrorType actualError = null;
        try {
            actual = PlainPhoneText.parse(text, region);
        } catch (NumberParseException e) {
            actualError = e.getErrorType();
        }
        var what = "\"" + text + "\" in " + region;
        assertThat(actualError).as(what).isEqualTo(expectedError);
        if (expected != null) {
            assertThat(actual).as(what).isNotNull();
            assertThat(actual.exactlySameAs(expected))
                    .as(what + ": " + actual + " against " + expected)
                    .isTrue();
        }
    }
}
