package org.followthrough.prospects;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * libphonenumber's {@code parse(text, region)} with less work for a number written the way files write most of
 * them: digits, spaces, dashes, dots, brackets and slashes, with at most one + before the first digit ("+1 212 555
 * 0147", "(312) 555-0123", "089 2351 4123").
 *
 * <p>libphonenumber reads any text with regular expressions that find where the number starts and ends, whether it
 * is a number at all, and which extension it carries. None of them can change the reading of such a text: the
 * number is the text from its + or first digit to its last digit, it is a number once it holds three digits, and
 * every way of writing an extension needs a letter, {@code #}, {@code ~}, a comma or a semicolon. The digits (after
 * the +) are then handed to libphonenumber's own steps that follow, in its order: the country code or the
 * international prefix, the national prefix and carrier code, the length check, the leading zeros. Any other text,
 * and any text libphonenumber would refuse, goes to {@code parse} itself, so the answer and the refusal are always
 * its own. {@code PlainPhoneTextTest} holds this to {@code parse} over libphonenumber's example numbers of every
 * region and type, written in each of its formats and with other punctuation.
 *
 * <p>Those steps are not public in libphonenumber: they are reached by reflection at start, and if this version of
 * libphonenumber has them under other names every text goes to {@code parse}.
 */
final class PlainPhoneText {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** libphonenumber refuses longer text at once. */
    private static final int LONGEST_TEXT = 250;

    private static final Steps STEPS = Steps.find();

    /** The metadata of each region (a few hundred), and of each calling code of no country. */
    private static final Map<String, PhoneMetadata> METADATA = new ConcurrentHashMap<>();

    private static final Map<Integer, PhoneMetadata> NON_GEOGRAPHIC = new ConcurrentHashMap<>();

    private PlainPhoneText() {}

    /** What {@code PhoneNumberUtil.parse(text, region)} gives, or the same exception. */
    static PhoneNumber parse(String text, String region) throws NumberParseException {
        var digits = STEPS == null ? null : plainDigits(text);
        if (digits != null) {
            try {
                var number = STEPS.parse(digits, region);
                if (number != null) {
                    return number;
                }
            } catch (NumberParseException refused) {
                // a refusal (and libphonenumber's second try after one) is left to parse below
            } catch (Error error) {
                throw error;
            } catch (Throwable notAsExpected) {
                // neither: parse below answers
            }
        }
        return UTIL.parse(text, region);
    }

    /**
     * libphonenumber's type of a valid number and its region, each worked out once: {@code getNumberType} works out
     * the region itself, and asking both of libphonenumber matches the number against the patterns twice.
     */
    record Kind(String region, PhoneNumberType type) {}

    /** What {@code getRegionCodeForNumber} and {@code getNumberType} give for the number. */
    static Kind kind(PhoneNumber number) {
        var region = UTIL.getRegionCodeForNumber(number);
        if (STEPS == null) {
            return new Kind(region, UTIL.getNumberType(number));
        }
        try {
            return new Kind(region, STEPS.type(number, region));
        } catch (Error error) {
            throw error;
        } catch (Throwable notAsExpected) {
            return new Kind(region, UTIL.getNumberType(number));
        }
    }

    /** Whether the steps were found: this libphonenumber is as expected. */
    static boolean shortened() {
        return STEPS != null;
    }

    /**
     * The + (if any) and the digits of a plain text, or null when the text holds anything else, a + after a digit
     * or a second +, or fewer than three digits.
     */
    static String plainDigits(String text) {
        if (text == null || text.length() > LONGEST_TEXT) {
            return null;
        }
        var digits = new StringBuilder(text.length());
        boolean plus = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+') {
                if (plus || !digits.isEmpty()) {
                    return null;
                }
                plus = true;
                digits.append(c);
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '/') {
                return null;
            }
        }
        return digits.length() - (plus ? 1 : 0) < 3 ? null : digits.toString();
    }

    /** libphonenumber's own steps of {@code parse} after the text is read, and of {@code getNumberType}. */
    private record Steps(
            MethodHandle metadataForRegion,
            MethodHandle metadataForRegionOrCallingCode,
            MethodHandle extractCountryCode,
            MethodHandle stripNationalPrefix,
            MethodHandle testLength,
            MethodHandle italianLeadingZeros,
            MethodHandle typeOfNationalNumber,
            int shortest,
            int longest) {

        static Steps find() {
            try {
                var lookup = MethodHandles.privateLookupIn(PhoneNumberUtil.class, MethodHandles.lookup());
                var util = PhoneNumberUtil.class;
                var shortest = util.getDeclaredField("MIN_LENGTH_FOR_NSN");
                var longest = util.getDeclaredField("MAX_LENGTH_FOR_NSN");
                shortest.setAccessible(true);
                longest.setAccessible(true);
                return new Steps(
                        lookup.findVirtual(
                                util, "getMetadataForRegion", MethodType.methodType(PhoneMetadata.class, String.class)),
                        lookup.findVirtual(
                                util,
                                "getMetadataForRegionOrCallingCode",
                                MethodType.methodType(PhoneMetadata.class, int.class, String.class)),
                        lookup.findVirtual(
                                util,
                                "maybeExtractCountryCode",
                                MethodType.methodType(
                                        int.class,
                                        CharSequence.class,
                                        PhoneMetadata.class,
                                        StringBuilder.class,
                                        boolean.class,
                                        PhoneNumber.class)),
                        lookup.findVirtual(
                                util,
                                "maybeStripNationalPrefixAndCarrierCode",
                                MethodType.methodType(
                                        boolean.class, StringBuilder.class, PhoneMetadata.class, StringBuilder.class)),
                        lookup.findVirtual(
                                util,
                                "testNumberLength",
                                MethodType.methodType(ValidationResult.class, CharSequence.class, PhoneMetadata.class)),
                        lookup.findStatic(
                                util,
                                "setItalianLeadingZerosForPhoneNumber",
                                MethodType.methodType(void.class, CharSequence.class, PhoneNumber.class)),
                        lookup.findVirtual(
                                util,
                                "getNumberTypeHelper",
                                MethodType.methodType(PhoneNumberType.class, String.class, PhoneMetadata.class)),
                        shortest.getInt(null),
                        longest.getInt(null));
            } catch (ReflectiveOperationException | RuntimeException notAsExpected) {
                return null;
            }
        }

        /**
         * The number libphonenumber reads from the + (if any) and digits of a plain text, following its own steps;
         * null where it would refuse the text or take another way, which {@code parse} then takes itself.
         */
        PhoneNumber parse(String digits, String region) throws Throwable {
            boolean plus = digits.charAt(0) == '+';
            var metadata = metadataOf(region);
            if (!plus && metadata == null) {
                return null; // refused: a national number needs a known country
            }
            var national = new StringBuilder();
            var number = new PhoneNumber();
            int code = (int) extractCountryCode.invoke(UTIL, (CharSequence) digits, metadata, national, false, number);
            if (code != 0) {
                var regionOfCode = UTIL.getRegionCodeForCountryCode(code);
                if (!regionOfCode.equals(region)) {
                    metadata = metadataOf(code, regionOfCode);
                }
            } else {
                if (plus || metadata == null) {
                    return null;
                }
                national.append(digits);
                number.setCountryCode(metadata.getCountryCode());
            }
            if (national.length() < shortest) {
                return null;
            }
            if (metadata != null) {
                var withoutPrefix = new StringBuilder(national);
                stripNationalPrefix.invoke(UTIL, withoutPrefix, metadata, new StringBuilder());
                var length = (ValidationResult) testLength.invoke(UTIL, (CharSequence) withoutPrefix, metadata);
                if (length != ValidationResult.TOO_SHORT
                        && length != ValidationResult.IS_POSSIBLE_LOCAL_ONLY
                        && length != ValidationResult.INVALID_LENGTH) {
                    national = withoutPrefix;
                }
            }
            if (national.length() < shortest || national.length() > longest) {
                return null;
            }
            italianLeadingZeros.invoke((CharSequence) national, number);
            number.setNationalNumber(Long.parseLong(national.toString()));
            return number;
        }

        /**
         * {@code getMetadataForRegion(region)}, null for no known region. libphonenumber loads a region's metadata
         * once and then hands out the same object, finding it by a file name it builds again on every call: it is
         * kept here by region instead.
         */
        PhoneMetadata metadataOf(String region) throws Throwable {
            if (region == null) {
                return null;
            }
            var metadata = METADATA.get(region);
            if (metadata == null) {
                metadata = (PhoneMetadata) metadataForRegion.invoke(UTIL, region);
                if (metadata == null) {
                    return null;
                }
                METADATA.put(region, metadata);
            }
            return metadata;
        }

        /** {@code getMetadataForRegionOrCallingCode(code, region)} for a region that is not null, kept the same way. */
        PhoneMetadata metadataOf(int code, String region) throws Throwable {
            if (!PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)) {
                return metadataOf(region);
            }
            var metadata = NON_GEOGRAPHIC.get(code);
            if (metadata == null) {
                metadata = (PhoneMetadata) metadataForRegionOrCallingCode.invoke(UTIL, code, region);
                if (metadata == null) {
                    return null;
                }
                NON_GEOGRAPHIC.put(code, metadata);
            }
            return metadata;
        }

        /** {@code getNumberType(number)} for a number whose region is known. */
        PhoneNumberType type(PhoneNumber number, String region) throws Throwable {
            var metadata = region == null ? null : metadataOf(number.getCountryCode(), region);
            if (metadata == null) {
                return PhoneNumberType.UNKNOWN;
            }
            return (PhoneNumberType)
                    typeOfNationalNumber.invoke(UTIL, UTIL.getNationalSignificantNumber(number), metadata);
        }
    }
}
