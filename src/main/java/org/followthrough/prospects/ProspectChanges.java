package org.followthrough.prospects;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.followthrough.common.InvalidInput;

/** Turns a stored prospect plus wanted changes into the full set of fields to check again. */
final class ProspectChanges {

    static final List<String> TEXT_FIELDS = List.of(
            "fullName",
            "title",
            "email",
            "phone",
            "company",
            "companyDomain",
            "industry",
            "country",
            "region",
            "timeZone",
            "decisionRole",
            "owner");
    /** Another name a request may use for a field: a US prospect's region is their state. */
    static final Map<String, String> ALIASES = Map.of("state", "region");

    static final List<String> FLAG_FIELDS = List.of("doNotCall", "emailOptOut");

    private ProspectChanges() {}

    /** The prospect's current fields as they would be written in a request. */
    static Map<String, Object> fieldsOf(Prospect p, String ownerEmail) {
        var fields = new HashMap<String, Object>();
        fields.put("fullName", p.fullName());
        fields.put("title", p.title());
        fields.put("email", p.email());
        fields.put("phone", p.phoneE164());
        fields.put("company", p.company());
        fields.put("companyDomain", p.companyDomain());
        fields.put("industry", p.industry());
        fields.put("country", p.country());
        // a region read from the phone is read again, so a new phone moves it
        fields.put("region", p.regionGiven() ? p.region() : null);
        // a zone FollowThrough inferred is inferred again, so a new phone or country moves it
        fields.put(
                "timeZone",
                p.timeZoneSource() == TimeZoneSource.GIVEN ? p.timeZone().getId() : null);
        fields.put("decisionRole", p.decisionRole().name());
        fields.put("owner", ownerEmail);
        fields.put("doNotCall", p.doNotCall());
        fields.put("emailOptOut", p.emailOptOut());
        return fields;
    }

    /** PATCH: the named fields change, a field given as null is cleared, the rest stay. */
    static ProspectFields apply(Prospect current, Map<String, Object> changes, String ownerEmail) {
        var problems = new InvalidInput.Collector();
        var fields = fieldsOf(current, ownerEmail);
        changes.forEach((given, value) -> {
            var name = ALIASES.getOrDefault(given, given);
            if (TEXT_FIELDS.contains(name)) {
                if (value == null || value instanceof String) {
                    fields.put(name, value);
                } else {
                    problems.add(name, "must be text");
                }
            } else if (FLAG_FIELDS.contains(name)) {
                if (value instanceof Boolean) {
                    fields.put(name, value);
                } else {
                    problems.add(name, "must be true or false");
                }
            } else {
                problems.add(
                        name,
                        "is not a field of a prospect; the fields you can change are " + String.join(", ", TEXT_FIELDS)
                                + ", " + String.join(", ", FLAG_FIELDS));
            }
        });
        problems.throwIfAny();
        return toFields(fields);
    }

    /** Create with update: the given fields replace the stored ones, fields left out stay. */
    static ProspectFields overlay(Prospect current, ProspectFields given, String ownerEmail) {
        var fields = fieldsOf(current, ownerEmail);
        putIfGiven(fields, "fullName", given.fullName());
        putIfGiven(fields, "title", given.title());
        putIfGiven(fields, "email", given.email());
        putIfGiven(fields, "phone", given.phone());
        putIfGiven(fields, "company", given.company());
        putIfGiven(fields, "companyDomain", given.companyDomain());
        putIfGiven(fields, "industry", given.industry());
        putIfGiven(fields, "country", given.country());
        putIfGiven(fields, "region", given.region());
        putIfGiven(fields, "timeZone", given.timeZone());
        putIfGiven(fields, "decisionRole", given.decisionRole());
        putIfGiven(fields, "owner", given.owner());
        putIfGiven(fields, "doNotCall", given.doNotCall());
        putIfGiven(fields, "emailOptOut", given.emailOptOut());
        return toFields(fields);
    }

    /** The fields with the named ones left out, as if they had not been given. */
    static ProspectFields without(ProspectFields given, Set<String> names) {
        var fields = new HashMap<String, Object>();
        putIfGiven(fields, "fullName", given.fullName());
        putIfGiven(fields, "title", given.title());
        putIfGiven(fields, "email", given.email());
        putIfGiven(fields, "phone", given.phone());
        putIfGiven(fields, "company", given.company());
        putIfGiven(fields, "companyDomain", given.companyDomain());
        putIfGiven(fields, "industry", given.industry());
        putIfGiven(fields, "country", given.country());
        putIfGiven(fields, "region", given.region());
        putIfGiven(fields, "timeZone", given.timeZone());
        putIfGiven(fields, "decisionRole", given.decisionRole());
        putIfGiven(fields, "owner", given.owner());
        putIfGiven(fields, "doNotCall", given.doNotCall());
        putIfGiven(fields, "emailOptOut", given.emailOptOut());
        fields.keySet().removeAll(names);
        return toFields(fields);
    }

    /** The names of the fields that differ between two versions of a prospect. */
    static Set<String> differences(Prospect before, Prospect after) {
        var changed = new LinkedHashSet<String>();
        compare(changed, "fullName", before.fullName(), after.fullName());
        compare(changed, "title", before.title(), after.title());
        compare(changed, "email", before.email(), after.email());
        compare(changed, "phone", before.phoneE164(), after.phoneE164());
        compare(changed, "company", before.accountId(), after.accountId());
        compare(changed, "country", before.country(), after.country());
        compare(changed, "region", before.region(), after.region());
        compare(changed, "timeZone", before.timeZone(), after.timeZone());
        compare(changed, "timeZoneCandidates", before.timeZoneCandidates(), after.timeZoneCandidates());
        compare(changed, "decisionRole", before.decisionRole(), after.decisionRole());
        compare(changed, "owner", before.ownerId(), after.ownerId());
        compare(changed, "doNotCall", before.doNotCall(), after.doNotCall());
        compare(changed, "emailOptOut", before.emailOptOut(), after.emailOptOut());
        return changed;
    }

    private static void compare(Set<String> changed, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(name);
        }
    }

    private static void putIfGiven(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    private static ProspectFields toFields(Map<String, Object> f) {
        return new ProspectFields(
                (String) f.get("fullName"),
                (String) f.get("title"),
                (String) f.get("email"),
                (String) f.get("phone"),
                (String) f.get("company"),
                (String) f.get("companyDomain"),
                (String) f.get("industry"),
                (String) f.get("country"),
                (String) f.get("region"),
                (String) f.get("timeZone"),
                (String) f.get("decisionRole"),
                (String) f.get("owner"),
                (Boolean) f.get("doNotCall"),
                (Boolean) f.get("emailOptOut"));
    }
}
