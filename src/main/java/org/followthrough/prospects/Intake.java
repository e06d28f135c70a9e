package org.followthrough.prospects;

import java.net.IDN;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.followthrough.common.Countries;
import org.followthrough.common.EmailAddress;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.InvalidInput.FieldProblem;
import org.followthrough.common.PlainText;
import org.followthrough.common.Regions;
import org.followthrough.common.Shapes;
import org.followthrough.common.TimeZones;
import org.followthrough.team.Actor;
import org.followthrough.team.Member;
import org.followthrough.team.Role;

/**
 * Checks a prospect as a person or a file describes it and turns it into what FollowThrough stores:
 * E.164 phones, ISO countries, a time zone with its source (R1), a known owner. Reports every problem
 * of the input at once, each with what to fix.
 */
final class Intake {

    /** A prospect ready to store: every field checked and in its stored form. */
    record Checked(
            String fullName,
            String title,
            String email,
            String phoneE164,
            String company,
            String domain,
            String industry,
            String country,
            String region,
            boolean regionGiven,
            ZoneId zone,
            TimeZoneSource zoneSource,
            String zoneNote,
            List<ZoneId> zoneCandidates,
            DecisionRole decisionRole,
            UUID ownerId,
            boolean doNotCall,
            boolean emailOptOut) {

        /** How an account is found again: its domain, else its lower-cased name. */
        String accountKey() {
            if (domain != null) {
                return domain;
            }
            return company == null ? null : company.toLowerCase(Locale.ROOT);
        }
    }

    /** Either a checked prospect or what is wrong with the input. */
    record Outcome(Checked checked, List<FieldProblem> problems) {
        Checked orThrow() {
            if (checked == null) {
                throw new InvalidInput(problems);
            }
            return checked;
        }
    }

    /** The defaults and lookups a check needs, fixed for a request or a whole import. */
    record Context(
            Actor actor,
            String defaultCountry,
            ZoneId defaultZone,
            Function<String, Optional<Member>> memberByEmail,
            java.util.function.Supplier<UUID> nextOwner) {}

    private Intake() {}

    static Outcome check(ProspectFields in, Context context) {
        var problems = new InvalidInput.Collector();
        if (PlainText.refuseControlCharacters(
                problems,
                "fullName",
                in.fullName(),
                "title",
                in.title(),
                "email",
                in.email(),
                "phone",
                in.phone(),
                "company",
                in.company(),
                "companyDomain",
                in.companyDomain(),
                "industry",
                in.industry(),
                "country",
                in.country(),
                "region",
                in.region(),
                "timeZone",
                in.timeZone(),
                "decisionRole",
                in.decisionRole(),
                "owner",
                in.owner())) {
            return new Outcome(null, problemsOf(problems));
        }
        var fullName = text(in.fullName());
        if (fullName == null) {
            problems.add("fullName", "is required: the person's first and last name");
        } else if (fullName.length() > 200) {
            problems.add("fullName", "must be at most 200 characters");
        }
        var title = limited(in.title(), 200, "title", problems);
        var company = limited(in.company(), 200, "company", problems);
        var industry = limited(in.industry(), 100, "industry", problems);
        var email = email(in.email(), problems);
        var country = country(in.country(), problems);
        // a country given but not understood is reported on its own; the phone is then read without one
        var dialFrom = country != null ? country : problems.has("country") ? null : context.defaultCountry();
        var phone = phone(in.phone(), dialFrom, problems);
        if (email == null && phone.isEmpty() && !problems.has("email") && !problems.has("phone")) {
            problems.add("email", "give an email or a phone number (or both), so the prospect can be reached");
        }
        if (country == null && phone.isPresent()) {
            country = phone.get().region();
        }
        var region = region(in.region(), country, problems);
        if (country == null && region != null) {
            country = Regions.countryOf(region);
        }
        var domain = domain(in.companyDomain(), problems);
        var zone = zone(in.timeZone(), phone, country, region, context, problems);
        var role = decisionRole(in.decisionRole(), problems);
        var owner = owner(in.owner(), context, problems);
        if (!problems.isEmpty()) {
            return new Outcome(null, problemsOf(problems));
        }
        return new Outcome(
                new Checked(
                        fullName,
                        title,
                        email,
                        phone.map(PhoneNumbers.Parsed::e164).orElse(null),
                        company == null && domain != null ? domain : company,
                        domain,
                        industry,
                        country,
                        zone.region(),
                        region != null,
                        zone.zone(),
                        zone.source(),
                        zone.note(),
                        zone.candidates(),
                        role,
                        owner,
                        Boolean.TRUE.equals(in.doNotCall()),
                        Boolean.TRUE.equals(in.emailOptOut())),
                List.of());
    }

    private static List<FieldProblem> problemsOf(InvalidInput.Collector problems) {
        try {
            problems.throwIfAny();
            return List.of();
        } catch (InvalidInput e) {
            return e.problems();
        }
    }

    private record Zone(ZoneId zone, TimeZoneSource source, String note, List<ZoneId> candidates, String region) {

        Zone(ZoneId zone, TimeZoneSource source, String note, String region) {
            this(zone, source, note, List.of(zone), region);
        }

        static Zone of(ZoneInference.Inferred inferred, TimeZoneSource source, String givenRegion) {
            return new Zone(
                    inferred.zone(),
                    source,
                    inferred.note(),
                    inferred.candidates(),
                    givenRegion != null ? givenRegion : inferred.region());
        }
    }

    /**
     * A zone given is the prospect's only candidate: someone said so. Else the phone's area, else the
     * country (each with every zone the prospect may be in), else the organisation's zone.
     */
    private static Zone zone(
            String given,
            Optional<PhoneNumbers.Parsed> phone,
            String country,
            String region,
            Context context,
            InvalidInput.Collector problems) {
        var phoneRegion = region != null
                ? region
                : phone.map(p -> ZoneInference.regionNamed(p.place(), p.region()))
                        .orElse(null);
        if (text(given) != null) {
            var zone = TimeZones.parse(given);
            if (zone.isEmpty()) {
                problems.add("timeZone", "'" + abbreviate(given.trim()) + "' is not a time zone; " + TimeZones.hint());
                return new Zone(context.defaultZone(), TimeZoneSource.DEFAULT, null, region);
            }
            return new Zone(zone.get(), TimeZoneSource.GIVEN, null, phoneRegion);
        }
        var fromPhone = phone.flatMap(p -> ZoneInference.fromPhone(p, region, country));
        if (fromPhone.isPresent()) {
            return Zone.of(fromPhone.get(), TimeZoneSource.PHONE, region);
        }
        var fromCountry =
                country == null ? Optional.<ZoneInference.Inferred>empty() : ZoneInference.fromCountry(country, region);
        if (fromCountry.isPresent()) {
            return Zone.of(fromCountry.get(), TimeZoneSource.COUNTRY, region);
        }
        return new Zone(context.defaultZone(), TimeZoneSource.DEFAULT, "the organisation's time zone", region);
    }

    /** The region's ISO 3166-2 code; one outside the prospect's country is refused, naming both. */
    private static String region(String given, String country, InvalidInput.Collector problems) {
        if (text(given) == null) {
            return null;
        }
        var region = Regions.parse(given, country);
        if (region.isPresent()) {
            return region.get();
        }
        var elsewhere = country == null ? Optional.<String>empty() : Regions.parse(given, null);
        problems.add(
                "region",
                elsewhere.isPresent()
                        ? elsewhere.get() + " is not a region of " + country
                                + "; give a region of the prospect's country"
                        : "'" + abbreviate(given.trim()) + "' is not a region"
                                + (country == null ? "" : " of " + country) + "; " + Regions.hint(country));
        return null;
    }

    private static UUID owner(String given, Context context, InvalidInput.Collector problems) {
        var actor = context.actor();
        if (text(given) == null) {
            return actor.role() == Role.REP ? actor.id() : context.nextOwner().get();
        }
        var member = context.memberByEmail().apply(given.trim().toLowerCase(Locale.ROOT));
        if (member.isEmpty() || !member.get().active()) {
            problems.add("owner", "'" + given.trim() + "' is not an active member of the team; give a member's email");
            return null;
        }
        if (actor.role() == Role.REP && !member.get().id().equals(actor.id())) {
            problems.add("owner", "a rep can only own their own prospects; leave it out or ask a manager to assign it");
            return null;
        }
        return member.get().id();
    }

    private static DecisionRole decisionRole(String given, InvalidInput.Collector problems) {
        if (text(given) == null) {
            return DecisionRole.UNKNOWN;
        }
        var key = given.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        try {
            return DecisionRole.valueOf(key);
        } catch (IllegalArgumentException e) {
            problems.add(
                    "decisionRole",
                    "'" + given.trim() + "' is not a decision role; use one of "
                            + "DECISION_MAKER, INFLUENCER, INFO_GATHERER, END_USER, UNKNOWN");
            return null;
        }
    }

    private static String email(String given, InvalidInput.Collector problems) {
        if (text(given) == null) {
            return null;
        }
        var email = EmailAddress.parse(given);
        if (email.isEmpty()) {
            problems.add("email", "'" + given.trim() + "' is not an email address; write it like dana@example.com");
            return null;
        }
        return email.get().value();
    }

    private static String country(String given, InvalidInput.Collector problems) {
        if (text(given) == null) {
            return null;
        }
        var country = Countries.parse(given);
        if (country.isEmpty()) {
            problems.add("country", "'" + given.trim() + "' is not a country; " + Countries.hint());
            return null;
        }
        return country.get();
    }

    private static Optional<PhoneNumbers.Parsed> phone(String given, String region, InvalidInput.Collector problems) {
        if (text(given) == null) {
            return Optional.empty();
        }
        var parsed = given.length() > 40 ? Optional.<PhoneNumbers.Parsed>empty() : PhoneNumbers.parse(given, region);
        if (parsed.isEmpty()) {
            problems.add(
                    "phone",
                    "'" + abbreviate(given.trim()) + "' is not a valid phone number"
                            + (region == null ? "" : " in " + region)
                            + "; write it with its country code, such as +1 212 555 0100");
        }
        return parsed;
    }

    private static String domain(String given, InvalidInput.Collector problems) {
        var text = text(given);
        if (text == null) {
            return null;
        }
        var host = text.toLowerCase(Locale.ROOT);
        try {
            int scheme = host.indexOf("://");
            if (scheme >= 0) {
                var plain = plainUrlHost(host, scheme);
                host = plain != null ? plain : URI.create(host).getHost();
            } else if (host.contains("/")) {
                host = host.substring(0, host.indexOf('/'));
            }
            host = host == null ? "" : host.startsWith("www.") ? host.substring(4) : host;
            // a plain ASCII name is already what IDN would give (an over-long label is refused below)
            if (!host.chars().allMatch(c -> c < 0x80)) {
                host = IDN.toASCII(host);
            }
        } catch (IllegalArgumentException e) {
            host = "";
        }
        if (host.length() > 253 || !Shapes.domain(host)) {
            problems.add("companyDomain", "'" + abbreviate(text) + "' is not a web domain; write it like acme.com");
            return null;
        }
        return host;
    }

    /**
     * The host of a plain web address (a scheme, "://", a host of letters, digits, dots and dashes, then
     * nothing or a path of unreserved characters), as {@link URI#getHost()} gives it for such an address
     * whenever the host has a domain's shape; null for any other address, which URI then reads.
     */
    static String plainUrlHost(String url, int scheme) {
        if (scheme == 0 || url.charAt(0) < 'a' || url.charAt(0) > 'z') {
            return null;
        }
        for (int i = 1; i < scheme; i++) {
            char c = url.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
                return null;
            }
        }
        int start = scheme + 3;
        int end = start;
        while (end < url.length()) {
            char c = url.charAt(end);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.') {
                end++;
            } else {
                break;
            }
        }
        if (end == start) {
            return null;
        }
        if (end < url.length()) {
            if (url.charAt(end) != '/') {
                return null;
            }
            for (int i = end + 1; i < url.length(); i++) {
                char c = url.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0)) {
                    return null;
                }
            }
        }
        return url.substring(start, end);
    }

    private static String limited(String given, int max, String field, InvalidInput.Collector problems) {
        var text = text(given);
        if (text != null && text.length() > max) {
            problems.add(field, "must be at most " + max + " characters");
            return null;
        }
        return text;
    }

    static String text(String given) {
        if (given == null) {
            return null;
        }
        var trimmed = given.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
