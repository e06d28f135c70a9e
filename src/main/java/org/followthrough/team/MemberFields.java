package org.followthrough.team;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.ZoneId;
import java.util.Optional;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.TimeZones;

/**
 * The checks of a member's own details, the same whether an admin adds them or they edit their
 * profile. A phone is read by libphonenumber, as prospects' are, against the organisation's country
 * when it has no +. It is kept in the international form with spaces ("+1 212 555 0100"), not in
 * E.164 as prospects' phones are: voicemails read it out and emails print it for a person to dial.
 */
final class MemberFields {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private MemberFields() {}

    static String fullName(String text, InvalidInput.Collector problems) {
        if (text == null || text.isBlank()) {
            problems.add("fullName", "is required: the name prospects will hear and read");
            return null;
        }
        if (text.strip().length() > 200) {
            problems.add("fullName", "must be at most 200 characters");
            return null;
        }
        return text.strip();
    }

    /** The zone named, the default when none is; null (with a problem) when it is not a zone. */
    static ZoneId timeZone(String text, ZoneId byDefault, InvalidInput.Collector problems) {
        if (text == null || text.isBlank()) {
            return byDefault;
        }
        var zone = TimeZones.parse(text);
        if (zone.isEmpty()) {
            problems.add("timeZone", "'" + text + "' is not a time zone; " + TimeZones.hint());
        }
        return zone.orElse(null);
    }

    /** The number to dial, or null when none is given (or it is not a number, with a problem). */
    static String phone(String text, String country, InvalidInput.Collector problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var parsed = international(text, country);
        if (parsed.isEmpty()) {
            problems.add(
                    "phone",
                    "'" + text.strip() + "' is not a phone number in " + country
                            + "; give it with the country code, such as +1 212 555 0100");
        }
        return parsed.orElse(null);
    }

    private static Optional<String> international(String text, String country) {
        try {
            var number = PHONES.parse(text, country == null ? "ZZ" : country);
            return PHONES.isValidNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL)
                            .replace('-', ' '))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
