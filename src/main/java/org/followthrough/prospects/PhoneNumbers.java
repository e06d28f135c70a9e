package org.followthrough.prospects;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import com.google.i18n.phonenumbers.prefixmapper.PrefixFileReader;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
     * to. The answers are the same: a number is valid for its region exactly when its type is known. The text is
     * read by {@link PlainPhoneText}, which gives libphonenumber's own reading with less work for plain text.
     */
    static Optional<Parsed> parse(String text, String defaultRegion) {
        try {
            PhoneNumber number = PlainPhoneText.parse(text, defaultRegion == null ? "ZZ" : defaultRegion);
            var kind = PlainPhoneText.kind(number);
            var type = kind.type();
            if (type == PhoneNumberUtil.PhoneNumberType.UNKNOWN) {
                return Optional.empty();
            }
            var region = kind.region();
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
                    zonesOfValid(number, geographic),
                    // for a geographic number, what getDescriptionForNumber(number, ENGLISH, region) gives
                    geographic
                            ? placeOfGeographic(number)
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

    /**
     * How many leading digits of a number's country code and national number decide its zones: the longest
     * prefix in libphonenumber's zone map (whose lookup reads no further digits); null when the map cannot be
     * read, and then nothing is cached.
     */
    static final Integer ZONE_PREFIX_DIGITS = longestZonePrefix();

    /** At most this many prefixes are kept; a million numbers from a dozen countries share a few thousand. */
    static final int CACHED_PREFIXES = 50_000;

    private static final Map<String, List<ZoneId>> ZONES_BY_PREFIX = new ConcurrentHashMap<>();
    private static final Map<Integer, List<ZoneId>> ZONES_BY_COUNTRY = new ConcurrentHashMap<>();

    /**
     * The zones of a valid number, each worked out once per prefix that decides them: libphonenumber gives a
     * number that is not geographic its country's zones (by country code alone) and a geographic one the
     * zones of the longest prefix its map holds for it, so numbers sharing that prefix share the answer.
     */
    static List<ZoneId> zonesOfValid(PhoneNumber number, boolean geographic) {
        if (!geographic) {
            return ZONES_BY_COUNTRY.computeIfAbsent(number.getCountryCode(), code -> zonesOf(number, false));
        }
        if (ZONE_PREFIX_DIGITS == null) {
            return zonesOf(number, true);
        }
        var digits = number.getCountryCode() + UTIL.getNationalSignificantNumber(number);
        var prefix = digits.length() > ZONE_PREFIX_DIGITS ? digits.substring(0, ZONE_PREFIX_DIGITS) : digits;
        var zones = ZONES_BY_PREFIX.get(prefix);
        if (zones == null) {
            if (ZONES_BY_PREFIX.size() >= CACHED_PREFIXES) {
                ZONES_BY_PREFIX.clear();
            }
            zones = zonesOf(number, true);
            ZONES_BY_PREFIX.put(prefix, zones);
        }
        return zones;
    }

    /**
     * The geocoder's reader of its prefix files, to find a number's place by prefix, and its private way to the
     * file of a country (or of a North American area code); null when this libphonenumber has neither.
     */
    private static final PrefixFileReader PLACES = placesReader();

    private static final java.lang.reflect.Method PLACE_FILE = placeFileMethod();

    /** Per file of places (country code, or 1000 + area code for +1): the longest prefix it holds, -1 unknown. */
    private static final Map<Integer, Integer> PLACE_PREFIX_DIGITS = new ConcurrentHashMap<>();

    private static final Map<String, String> PLACES_BY_PREFIX = new ConcurrentHashMap<>();

    /**
     * What {@code GEOCODER.getDescriptionForValidNumber(number, ENGLISH)} says of a geographic number, its area's
     * name looked up once per prefix that decides it: the geocoder names the place of the longest prefix its file
     * holds for the number, and only when it holds none the country, which depends on the whole number and is
     * asked of it. A country whose mobile numbers carry a token before the area code (Argentina's 9) is asked
     * every time, as the geocoder takes the token off first.
     */
    static String placeOfGeographic(PhoneNumber number) {
        int code = number.getCountryCode();
        var national = UTIL.getNationalSignificantNumber(number);
        var token = PhoneNumberUtil.getCountryMobileToken(code);
        if (PLACES == null || PLACE_FILE == null || (!token.isEmpty() && national.startsWith(token))) {
            return GEOCODER.getDescriptionForValidNumber(number, Locale.ENGLISH);
        }
        // the file the geocoder reads, as PrefixFileReader picks it
        int file = code != 1 ? code : (int) (1000 + number.getNationalNumber() / 10_000_000);
        int digits = PLACE_PREFIX_DIGITS.computeIfAbsent(file, PhoneNumbers::longestPlacePrefix);
        if (digits < 0) {
            return GEOCODER.getDescriptionForValidNumber(number, Locale.ENGLISH);
        }
        var key = code + national;
        var prefix = file + ":" + (key.length() > digits ? key.substring(0, digits) : key);
        var area = PLACES_BY_PREFIX.get(prefix);
        if (area == null) {
            if (PLACES_BY_PREFIX.size() >= CACHED_PREFIXES) {
                PLACES_BY_PREFIX.clear();
            }
            area = PLACES.getDescriptionForNumber(number, "en", "", "");
            PLACES_BY_PREFIX.put(prefix, area);
        }
        return area.isEmpty() ? GEOCODER.getDescriptionForValidNumber(number, Locale.ENGLISH) : area;
    }

    /** Whether places are looked up once per prefix (this libphonenumber's geocoder is as expected). */
    static boolean placesByPrefix() {
        return PLACES != null && PLACE_FILE != null && longestPlacePrefix(44) > 0;
    }

    private static PrefixFileReader placesReader() {
        try {
            return (PrefixFileReader) field(GEOCODER, PhoneNumberOfflineGeocoder.class, "prefixFileReader");
        } catch (ReflectiveOperationException | RuntimeException notAsExpected) {
            return null;
        }
    }

    private static java.lang.reflect.Method placeFileMethod() {
        try {
            var method = PrefixFileReader.class.getDeclaredMethod(
                    "getPhonePrefixDescriptions", int.class, String.class, String.class, String.class);
            method.setAccessible(true);
            return method;
        } catch (ReflectiveOperationException | RuntimeException notAsExpected) {
            return null;
        }
    }

    /** The longest prefix of a file of places in English; 0 when there is no such file, -1 when unknown. */
    private static int longestPlacePrefix(int file) {
        try {
            Object map;
            synchronized (PLACES) {
                map = PLACE_FILE.invoke(PLACES, file, "en", "", "");
            }
            if (map == null) {
                return 0;
            }
            var lengths = longest(field(map, map.getClass(), "phonePrefixMapStorage"));
            return lengths == null ? -1 : lengths;
        } catch (ReflectiveOperationException | RuntimeException notAsExpected) {
            return -1;
        }
    }

    /** The longest prefix of libphonenumber's storage of a prefix map. */
    private static Integer longest(Object storage) throws ReflectiveOperationException {
        var lengths = storage.getClass().getMethod("getPossibleLengths");
        lengths.setAccessible(true);
        var set = (java.util.SortedSet<?>) lengths.invoke(storage);
        return set.isEmpty() ? null : (Integer) set.last();
    }

    /** The longest prefix libphonenumber's zone map holds, read from the map itself. */
    private static Integer longestZonePrefix() {
        try {
            var prefixes = field(ZONES, PhoneNumberToTimeZonesMapper.class, "prefixTimeZonesMap");
            var map = field(prefixes, prefixes.getClass(), "phonePrefixMap");
            return longest(field(map, map.getClass(), "phonePrefixMapStorage"));
        } catch (ReflectiveOperationException | RuntimeException notAsExpected) {
            // another version of libphonenumber: its zones are looked up for every number instead
            return null;
        }
    }

    private static Object field(Object of, Class<?> type, String name) throws ReflectiveOperationException {
        var field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(of);
    }

    /** The number's zones; {@code geographic} null when not known yet. */
    static List<ZoneId> zonesOf(PhoneNumber number, Boolean geographic) {
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
        return List.copyOf(zones);
    }
}
