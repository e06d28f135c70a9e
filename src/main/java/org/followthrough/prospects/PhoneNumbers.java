package org.followthrough.prospects;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.followthrough.common.TimeZones;

/**
 * Phone numbers as libphonenumber reads them: parsed against the prospect's country, stored in
 * E.164, with the zones libphonenumber maps them to and the place its geocoder names for them.
 */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final PhoneNumberToTimeZonesMapper ZONES = PhoneNumberToTimeZonesMapper.getInstance();
    private static final PhoneNumberOfflineGeocoder GEOCODER = PhoneNumberOfflineGeocoder.getInstance();

    /**
     * A number FollowThrough can dial: its country, whether libphonenumber ties it to a place (a landline
     * is, a mobile or toll-free number mostly is not), the zones libphonenumber maps it to (canonical)
     * and the geocoder's English description of where it is ("Alaska", "Fairbanks, AK", "Perth"; empty
     * when it names none).
     */
    record Parsed(String e164, String region, String kind, boolean geographic, List<ZoneId> zones, String place) {}

    private PhoneNumbers() {}

    /**
     * The number, or empty when it is not a valid number (for the given country when it has no +).
     *
     * <p>Its type is worked out once and handed on: libphonenumber's own shortcuts (isNumberGeographical of
     * a number, the zones and the description of a number) each work out the region and the type again, by
     * matching the number against each region's patterns, which made a number cost six times what it needs
     * to. The answers are the same: a number is valid for its region exactly when its type is known.
     */
    static Optional<Parsed> parse(String text, String defaultRegion) {
        try {
            PhoneNumber number = UTIL.parse(text, defaultRegion == null ? "ZZ" : defaultRegion);
            var type = UTIL.getNumberType(number);
            if (type == PhoneNumberUtil.PhoneNumberType.UNKNOWN) {
                return Optional.empty();
            }
            var region = UTIL.getRegionCodeForNumber(number);
            if (region == null) {
                return Optional.empty();
            }
            boolean geographic = UTIL.isNumberGeographical(type, number.getCountryCode());
            return Optional.of(new Parsed(
                    UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
                    // a number of no country (+800 international freephone, +882 networks) has no region
                    PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region) ? null : region,
                    kind(type),
                    geographic,
                    zonesOf(number, geographic),
                    // for a geographic number, what getDescriptionForNumber(number, ENGLISH, region) gives
                    geographic
                            ? GEOCODER.getDescriptionForValidNumber(number, Locale.ENGLISH)
                            : GEOCODER.getDescriptionForNumber(number, Locale.ENGLISH, region)));
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

    /** The kind of number in words a rep reads: "mobile", "toll-free", "shared-cost". */
    private static String kind(PhoneNumberUtil.PhoneNumberType type) {
        return switch (type) {
            case FIXED_LINE -> "landline";
            case FIXED_LINE_OR_MOBILE -> "landline or mobile";
            case TOLL_FREE -> "toll-free";
            case PREMIUM_RATE -> "premium-rate";
            case SHARED_COST -> "shared-cost";
            case VOIP -> "VoIP";
            case PERSONAL_NUMBER -> "personal";
            case UAN -> "company (UAN)";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    /** The zones of a country's example number, for a country the tz database does not list. */
    static List<ZoneId> zonesOfCountry(String country) {
        var example = UTIL.getExampleNumber(country);
        return example == null ? List.of() : zonesOf(example, null);
    }

    /** The number's zones; {@code geographic} null when not known yet. */
    private static List<ZoneId> zonesOf(PhoneNumber number, Boolean geographic) {
        var zones = new ArrayList<ZoneId>();
        var names = Boolean.TRUE.equals(geographic)
                ? ZONES.getTimeZonesForGeographicalNumber(number)
                : ZONES.getTimeZonesForNumber(number);
        for (var name : names) {
            if (name.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
                continue;
            }
            try {
                var zone = TimeZones.canonical(ZoneId.of(name));
                if (!zones.contains(zone)) {
                    zones.add(zone);
                }
            } catch (DateTimeException unknownToTheJdk) {
                // libphonenumber's data may name a zone newer than the JDK's rules: it cannot be planned in
            }
        }
        return zones;
    }
}
