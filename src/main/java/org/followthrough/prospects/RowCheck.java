package org.followthrough.prospects;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.followthrough.common.EmailAddress;
import org.followthrough.common.InvalidInput.FieldProblem;
import org.followthrough.prospects.imports.Columns;
import org.followthrough.prospects.imports.ImportValues;

/**
 * One import row checked as the API would check it, losing nothing valid: the first valid email and
 * phone are the main ones and the other valid ones are kept; a value that cannot be used in a field
 * that does not identify the person (an unknown zone, an owner who is not a member, a country, region,
 * domain or role not understood, a stage not known) is set aside with a warning and the row is imported
 * without it. A row is rejected only for its name, or when none of its emails or none of its phones is
 * valid (a mistyped address is for the person to fix), or for unsafe text.
 */
final class RowCheck {

    /** Fields whose value, when it cannot be used, is set aside rather than rejecting the row. */
    private static final Set<String> SET_ASIDE = Set.of(
            "title", "company", "companyDomain", "industry", "country", "region", "timeZone", "decisionRole", "owner");

    private static final Pattern DATE = Pattern.compile(
            "^\\s*(\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}|\\d{4}年\\d{1,2}月\\d{1,2}日)([ T].*)?$");

    record Warning(String column, String message) {}

    record Outcome(ImportBatch.Keep keep, List<FieldProblem> problems, List<Warning> warnings) {}

    private RowCheck() {}

    static Outcome check(Columns.Row row, Intake.Context context) {
        if (!row.problems().isEmpty()) {
            return new Outcome(null, row.problems(), List.of());
        }
        var warnings = new ArrayList<Warning>();
        row.warnings().forEach(w -> warnings.add(new Warning(w.field(), w.message())));
        var validEmails = new ArrayList<String>();
        Columns.Value firstEmail = row.emails().isEmpty() ? null : row.emails().get(0);
        var emailProblems = new ArrayList<Warning>();
        for (var email : row.emails()) {
            var parsed = EmailAddress.parse(email.text());
            if (parsed.isPresent()) {
                if (!validEmails.contains(parsed.get().value())) {
                    validEmails.add(parsed.get().value());
                }
            } else {
                emailProblems.add(new Warning(
                        email.column(),
                        "'" + abbreviate(email.text()) + "' is not an email address; set aside, the row's other"
                                + " email is kept"));
            }
        }
        // no valid email at all: the first is checked as given, and its problem rejects the row
        var email = validEmails.isEmpty() ? (firstEmail == null ? null : firstEmail.text()) : validEmails.get(0);
        if (!validEmails.isEmpty()) {
            warnings.addAll(emailProblems);
        }
        var phones = row.phones();
        int phone = 0;
        var setAside = new HashSet<String>();
        Intake.Outcome outcome;
        List<FieldProblem> firstPhoneProblems = null;
        while (true) {
            var fields = row.fields(
                    email, phones.isEmpty() ? null : phones.get(phone).text(), setAside);
            outcome = Intake.check(fields, context);
            if (outcome.checked() != null) {
                break;
            }
            var problems = outcome.problems();
            var hard = problems.stream()
                    .filter(p -> !SET_ASIDE.contains(p.field()))
                    .toList();
            if (!hard.isEmpty()
                    && hard.stream().allMatch(p -> p.field().equals("phone"))
                    && phone + 1 < phones.size()) {
                var bad = phones.get(phone);
                if (firstPhoneProblems == null) {
                    firstPhoneProblems = problems;
                }
                warnings.add(new Warning(bad.column(), hard.get(0).message() + "; set aside, another phone is kept"));
                phone++;
                continue;
            }
            if (!hard.isEmpty()) {
                // no phone of the row is valid: the first one's problem is the one to fix
                var reported = firstPhoneProblems != null
                                && hard.stream().allMatch(p -> p.field().equals("phone"))
                        ? firstPhoneProblems
                        : problems;
                return new Outcome(null, reported, List.of());
            }
            for (var p : problems) {
                if (setAside.add(p.field())) {
                    warnings.add(new Warning(p.field(), p.message() + "; set aside, the row is imported without it"));
                }
            }
        }
        var checked = outcome.checked();
        var otherEmails =
                validEmails.stream().filter(e -> !e.equals(checked.email())).toList();
        var otherPhones = new ArrayList<String>();
        for (int i = 0; i < phones.size(); i++) {
            if (i == phone) {
                continue;
            }
            var value = phones.get(i);
            if (i < phone) {
                continue; // already set aside with a warning
            }
            var parsed = value.text().length() > 40
                    ? java.util.Optional.<PhoneNumbers.Parsed>empty()
                    : PhoneNumbers.parse(value.text(), checked.country());
            if (parsed.isPresent()) {
                var e164 = parsed.get().e164();
                if (!e164.equals(checked.phoneE164()) && !otherPhones.contains(e164)) {
                    otherPhones.add(e164);
                }
            } else {
                warnings.add(new Warning(
                        value.column(),
                        "'" + abbreviate(value.text()) + "' is not a valid phone number; set aside, the row's"
                                + " other phone is kept"));
            }
        }
        var stage = stage(row, warnings);
        var keep = new ImportBatch.Keep(
                row, checked, otherEmails, otherPhones, stage, row.sourceId(), java.util.Set.copyOf(setAside));
        return new Outcome(keep, List.of(), warnings);
    }

    /**
     * The stage the row's stage columns give: an end (WON, then LOST, then NURTURE) before the furthest open
     * stage; a last contact moves a prospect not called yet to ATTEMPTING. Null when the file says nothing.
     */
    static Stage stage(Columns.Row row, List<Warning> warnings) {
        Stage stage = null;
        for (var value : row.stages()) {
            var known = ImportValues.stage(value.text());
            if (known.isEmpty()) {
                warnings.add(new Warning(
                        value.column(),
                        "'" + abbreviate(value.text()) + "' is not a stage FollowThrough knows; set aside (stages"
                                + " are read as NEW, ATTEMPTING, ENGAGED, WON, LOST or NURTURE)"));
                continue;
            }
            stage = stage == null ? known.get() : furthest(stage, known.get());
        }
        var contacted = row.lastContacted();
        if (contacted != null) {
            if (!DATE.matcher(contacted.text()).matches()) {
                warnings.add(new Warning(
                        contacted.column(),
                        "'" + abbreviate(contacted.text()) + "' is not a date; set aside (write it like 2026-03-31)"));
            } else if (stage == null || stage == Stage.NEW) {
                stage = Stage.ATTEMPTING;
            }
        }
        return stage;
    }

    private static final List<Stage> ORDER =
            List.of(Stage.NEW, Stage.ATTEMPTING, Stage.ENGAGED, Stage.NURTURE, Stage.LOST, Stage.WON);

    private static Stage furthest(Stage a, Stage b) {
        return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
