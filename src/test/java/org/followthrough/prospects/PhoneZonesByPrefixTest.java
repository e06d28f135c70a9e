package org.followthrough.prospects;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A number's zones and place, kept per prefix that decides them, are those libphonenumber gives that number: for numbers
 * of every region and type, their last digits changed at random so that many share a prefix with one seen
 * before (and some share a shorter one only).
 */
class PhoneZonesByPrefixTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final PhoneNumberOfflineGeocoder GEOCODER = PhoneNumberOfflineGeocoder.getInstance();

    @Test
    void theZonesKeptForAPrefixAreThoseOfEachNumber() throws NumberParseException {
        assertThat(PhoneNumbers.ZONE_PREFIX_DIGITS)
                .as("the zone map's longest prefix is read, so zones are kept per prefix")
                .isNotNull()
                .isBetween(2, 15);
        assertThat(PhoneNumbers.placesByPrefix())
                .as("places are kept per prefix")
                .isTrue();
        var random = new Random(20261207L);
        int compared = 0;
        for (var region : UTIL.getSupportedRegions()) {
            for (var type : PhoneNumberUtil.PhoneNumberType.values()) {
                var example = UTIL.getExampleNumberForType(region, type);
                if (example == null) {
                    continue;
                }
                var digits = UTIL.getNationalSignificantNumber(example);
                for (int i = 0; i < 30; i++) {
                    var changed = new StringBuilder(digits);
                    int from = Math.max(1, digits.length() - 1 - random.nextInt(Math.max(1, digits.length() - 1)));
                    for (int d = from; d < changed.length(); d++) {
                        changed.setCharAt(d, (char) ('0' + random.nextInt(10)));
                    }
                    var text = "+" + example.getCountryCode() + changed;
                    var parsed = PhoneNumbers.parse(text, null);
                    if (parsed.isEmpty()) {
                        continue;
                    }
                    var number = UTIL.parse(text, "ZZ");
                    assertThat(parsed.get().zones()).as(text).isEqualTo(PhoneNumbers.zonesOf(number, null));
                    assertThat(parsed.get().place())
                            .as("the place of " + text)
                            .isEqualTo(
                                    parsed.get().geographic()
                                            ? GEOCODER.getDescriptionForValidNumber(number, Locale.ENGLISH)
                                            : GEOCODER.getDescriptionForNumber(
                                                    number, Locale.ENGLISH, UTIL.getRegionCodeForNumber(number)));
                    compared++;
                }
            }
        }
        assertThat(compared).as("valid numbers compared").isGreaterThan(10_000);
    }
}
