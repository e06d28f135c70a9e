package org.followthrough.prospects.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.followthrough.common.InvalidInput.FieldProblem;
import org.followthrough.common.PlainText;
import org.followthrough.prospects.ProspectFields;

/**
 * Which column of a file holds which field, by the names HubSpot, Salesforce, Pipedrive, Close and
 * FollowThrough's own export give them ("First Name" + "Last Name", "Email Address", "Mobile Phone",
 * "Company Name", "Country/Region", "Website", ...). Columns it does not know are named as ignored.
 */
public final class Columns {

    /** Each field and the column names (lower-cased, letters and digits only) that carry it, most specific first. */
    private static final Map<String, List<String>> ALIASES = aliases();

    /**
     * One data row as prospect fields, with the problems found in its cells before any other check, and
     * the mobile number when the row has a phone too: taken instead when the phone is not a valid number.
     */
    public record Row(long row, ProspectFields fields, List<FieldProblem> problems, String otherPhone) {

        /** The same row with its other phone as the phone. */
        public ProspectFields withOtherPhone() {
            var f = fields;
            return new ProspectFields(
                    f.fullName(),
                    f.title(),
                    f.email(),
                    otherPhone,
                    f.company(),
                    f.companyDomain(),
                    f.industry(),
                    f.country(),
                    f.timeZone(),
                    f.decisionRole(),
                    f.owner(),
                    f.doNotCall(),
                    f.emailOptOut());
        }
    }

    private final Map<String, Integer> indexOf = new LinkedHashMap<>();
    private final Map<String, String> headerOf = new LinkedHashMap<>();
    private final List<String> ignored = new ArrayList<>();

    private Columns(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            var name = header.get(i) == null ? "" : header.get(i).strip();
            var field = fieldFor(key(name));
            if (field.isPresent() && !indexOf.containsKey(field.get())) {
                indexOf.put(field.get(), i);
                headerOf.put(field.get(), name);
            } else if (!name.isEmpty()) {
                ignored.add(name);
            }
        }
    }

    public static Columns of(List<String> header) {
        return new Columns(header);
    }

    /** Whether the file has a column that names or reaches a person: a name and an email or phone. */
    public Optional<String> missing() {
        boolean named = has("fullName") || has("firstName") || has("lastName");
        boolean reachable = has("email") || has("phone") || has("mobile");
        if (named && reachable) {
            return Optional.empty();
        }
        return Optional.of("The header row has no "
                + (named
                        ? ""
                        : "name column (such as \"Full Name\" or " + "\"First Name\" and \"Last Name\")"
                                + (reachable ? "" : " and no "))
                + (reachable ? "" : "email or phone column (such as \"Email Address\" or \"Phone Number\")")
                + "; the columns found were: " + String.join(", ", allNames()) + ".");
    }

    /** The file's column names that became fields, as "Column → field". */
    public List<String> mapped() {
        return headerOf.entrySet().stream()
                .map(e -> e.getValue() + " → " + e.getKey())
                .toList();
    }

    public List<String> ignored() {
        return List.copyOf(ignored);
    }

    /** The file's name for the column that fed a field, so a problem points at a cell the person can find. */
    public String columnOf(String field) {
        if (field.equals("phone") && !has("phone") && has("mobile")) {
            return headerOf.get("mobile");
        }
        if (field.equals("fullName") && !has("fullName")) {
            return has("firstName") ? headerOf.get("firstName") : headerOf.get("lastName");
        }
        return headerOf.getOrDefault(field, field);
    }

    public Row read(long row, List<String> cells) {
        var problems = new ArrayList<FieldProblem>();
        refuseUnsafeText(cells, problems);
        var first = cell(cells, "firstName");
        var last = cell(cells, "lastName");
        var full = cell(cells, "fullName");
        if (full == null && (first != null || last != null)) {
            full = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        }
        var phone = cell(cells, "phone");
        var mobile = cell(cells, "mobile");
        var fields = new ProspectFields(
                full,
                cell(cells, "title"),
                cell(cells, "email"),
                phone != null ? phone : mobile,
                cell(cells, "company"),
                cell(cells, "companyDomain"),
                cell(cells, "industry"),
                cell(cells, "country"),
                cell(cells, "timeZone"),
                cell(cells, "decisionRole"),
                cell(cells, "owner"),
                flag(cells, "doNotCall", problems),
                flag(cells, "emailOptOut", problems));
        return new Row(row, fields, problems, phone != null ? mobile : null);
    }

    /**
     * The text rule ({@link PlainText}) for every mapped cell as the file has it, before a cell is trimmed:
     * a control character or a bidirectional control rejects the row naming its column, rather than being
     * trimmed away or stored. Cells are single lines, as the fields they fill are.
     */
    private void refuseUnsafeText(List<String> cells, List<FieldProblem> problems) {
        for (var mapped : indexOf.entrySet()) {
            int index = mapped.getValue();
            if (index < cells.size()) {
                PlainText.problem(cells.get(index), PlainText.Lines.ONE)
                        .ifPresent(p -> problems.add(new FieldProblem(mapped.getKey(), p)));
            }
        }
    }

    private boolean has(String field) {
        return indexOf.containsKey(field);
    }

    private List<String> allNames() {
        var names = new ArrayList<>(headerOf.values());
        names.addAll(ignored);
        return names;
    }

    private String cell(List<String> cells, String field) {
        var index = indexOf.get(field);
        if (index == null || index >= cells.size()) {
            return null;
        }
        return CsvCells.read(cells.get(index));
    }

    private Boolean flag(List<String> cells, String field, List<FieldProblem> problems) {
        var value = cell(cells, field);
        if (value == null) {
            return null;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "x", "ja", "oui", "si", "opted out", "unsubscribed" -> {
                return true;
            }
            case "false", "no", "n", "0", "nein", "non" -> {
                return false;
            }
            default -> {
                problems.add(new FieldProblem(field, "'" + value + "' is not yes or no; write true or false"));
                return null;
            }
        }
    }

    private static Optional<String> fieldFor(String key) {
        return ALIASES.entrySet().stream()
                .filter(e -> e.getValue().contains(key))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static Map<String, List<String>> aliases() {
        var a = new LinkedHashMap<String, List<String>>();
        a.put("fullName", List.of("fullname", "name", "contactname", "personname", "contact", "displayname"));
        a.put("firstName", List.of("firstname", "givenname", "first", "personfirstname"));
        a.put("lastName", List.of("lastname", "surname", "familyname", "last", "personlastname"));
        a.put(
                "email",
                List.of(
                        "email",
                        "emailaddress",
                        "workemail",
                        "emailwork",
                        "personemail",
                        "personemailwork",
                        "primaryemail",
                        "contactemail",
                        "primarycontactemail",
                        "businessemail",
                        "emails"));
        a.put(
                "phone",
                List.of(
                        "phone",
                        "phonenumber",
                        "workphone",
                        "phonework",
                        "businessphone",
                        "directphone",
                        "officephone",
                        "personphone",
                        "personphonework",
                        "primaryphone",
                        "telephone",
                        "tel",
                        "primarycontactphone",
                        "contactphone",
                        "phones"));
        a.put(
                "mobile",
                List.of(
                        "mobile",
                        "mobilephone",
                        "mobilephonenumber",
                        "cell",
                        "cellphone",
                        "phonemobile",
                        "personphonemobile"));
        a.put(
                "company",
                List.of(
                        "company",
                        "companyname",
                        "accountname",
                        "organization",
                        "organisation",
                        "organizationname",
                        "organisationname",
                        "employer",
                        "personorganization",
                        "leadname"));
        a.put("title", List.of("title", "jobtitle", "position", "persontitle", "personjobtitle"));
        a.put(
                "companyDomain",
                List.of(
                        "companydomain",
                        "companydomainname",
                        "domain",
                        "website",
                        "companywebsite",
                        "url",
                        "web",
                        "organizationwebsite",
                        "websiteurl",
                        "leadurl"));
        a.put("industry", List.of("industry", "companyindustry", "sector", "organizationindustry"));
        a.put(
                "country",
                List.of(
                        "country",
                        "countryregion",
                        "mailingcountry",
                        "billingcountry",
                        "companycountry",
                        "personcountry",
                        "addresscountry",
                        "countrycode",
                        "organizationcountry"));
        a.put("timeZone", List.of("timezone", "tz", "contacttimezone"));
        a.put("decisionRole", List.of("decisionrole", "buyingrole"));
        a.put("owner", List.of("owner", "owneremail", "contactowneremail", "leadowneremail", "ownedby"));
        a.put("doNotCall", List.of("donotcall", "dnc", "donotcallflag"));
        a.put(
                "emailOptOut",
                List.of(
                        "emailoptout",
                        "hasoptedoutofemail",
                        "unsubscribedfromallemail",
                        "optout",
                        "unsubscribed",
                        "optedout"));
        return a;
    }
}
