package org.followthrough.prospects;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Phone numbers as libphonenumber reads them: parsed against the prospect's country, stored in
 * E.164, and mapped to the time zones of their area.
 */
final class PhoneNumbers {

    /** The zone most people of a country with several zones live in, for numbers whose area is ambiguous. */
    private static final Map<String, String> MOST_POPULOUS = Map.ofEntries(
            Map.entry("US", "America/New_York"),
            Map.entry("CA", "America/Toronto"),
            Map.entry("AU", "Australia/Sydney"),
            Map.entry("BR", "America/Sao_Paulo"),
            Map.entry("RU", "Europe/Moscow"),
            Map.entry("MX", "America/Mexico_City"),
            Map.entry("ID", "Asia/Jakarta"),
            Map.entry("KZ", "Asia/Almaty"),
            Map.entry("AR", "America/Argentina/Buenos_Aires"),
            Map.entry("CL", "America/Santiago"),
            Map.entry("ES", "Europe/Madrid"),
            Map.entry("PT", "Europe/Lisbon"),
            Map.entry("NZ", "Pacific/Auckland"),
            Map.entry("CD", "Africa/Kinshasa"),
            Map.entry("EC", "America/Guayaquil"),
            Map.entry("MN", "Asia/Ulaanbaatar"),
            Map.entry("UA", "Europe/Kyiv"));

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final PhoneNumberToTimeZonesMapper ZONES = PhoneNumberToTimeZonesMapper.getInstance();

    /** A number FollowThrough can dial, and the zones its area lies in. */
    record Parsed(String e164, String region, List<String> zones) {}

    /** A time zone and why it was chosen. */
    record Guess(ZoneId zone, String note) {}

    private PhoneNumbers() {}

    /** The number in E.164, or empty when it is not a valid number (for the given country when it has no +). */
    static Optional<Parsed> parse(String text, String defaultRegion) {
        try {
            PhoneNumber number = UTIL.parse(text, defaultRegion == null ? "ZZ" : defaultRegion);
            // the region is worked out once: validity and the zones both follow from it
            var region = UTIL.getRegionCodeForNumber(number);
            if (region == null || !UTIL.isValidNumberForRegion(number, region)) {
                return Optional.empty();
            }
            var zones = ZONES.getTimeZonesForGeographicalNumber(number).stream()
                    .filter(z -> !z.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone()))
                    .toList();
            return Optional.of(new Parsed(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), region, zones));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The number's digits without country code (2125550147 for +12125550147), as files often write them;
     * null when it is too short to stand for one number alone.
     */
    static String nationalDigits(String e164) {
        if (e164 == null) {
            return null;
        }
        try {
            var national = UTIL.getNationalSignificantNumber(UTIL.parse(e164, "ZZ"));
            return national.length() >= 8 ? national : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** The zone of a number's area; when the data lists several, the country's most populous, saying so. */
    static Optional<Guess> zoneOf(Parsed phone) {
        return pick(phone.zones(), phone.region(), "the number's area spans ");
    }

    /** The zone of a country; for a country with several, its most populous, saying so. */
    static Optional<Guess> zoneOfCountry(String country) {
        var populous = MOST_POPULOUS.get(country);
        if (populous != null) {
            return Optional.of(new Guess(
                    ZoneId.of(populous), country + " has several time zones; took the most populous, " + populous));
        }
        var example = UTIL.getExampleNumber(country);
        if (example == null) {
            return Optional.empty();
        }
        var zones = ZONES.getTimeZonesForGeographicalNumber(example).stream()
                .filter(z -> !z.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone()))
                .toList();
        return pick(zones, country, country + " spans ");
    }

    private static Optional<Guess> pick(List<String> zones, String region, String ambiguity) {
        if (zones.isEmpty()) {
            return Optional.empty();
        }
        if (zones.size() == 1) {
            return Optional.of(new Guess(ZoneId.of(zones.get(0)), null));
        }
        var populous = region == null ? null : MOST_POPULOUS.get(region);
        var chosen = populous != null && zones.contains(populous) ? populous : zones.get(0);
        return Optional.of(new Guess(
                ZoneId.of(chosen), ambiguity + String.join(", ", zones) + "; took " + chosen + ", the most populous"));
    }
}
