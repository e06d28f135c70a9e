package org.followthrough.cadence.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.followthrough.cadence.Cadence;
import org.followthrough.cadence.Cadences;
import org.followthrough.cadence.Channel;
import org.followthrough.cadence.Delay;
import org.followthrough.cadence.Placing;
import org.followthrough.cadence.Wording;
import org.followthrough.common.InvalidInput;

/**
 * The cadence editor's form: one row of parallel fields per step, exactly as typed, so a refused
 * save shows the member's own input again with each problem on its row.
 */
record CadenceForm(
        String name,
        String endStage,
        List<String> channel,
        List<String> amount,
        List<String> unit,
        List<String> from,
        List<String> placing,
        List<String> template,
        List<String> variants,
        List<String> review,
        String emailsPerDay,
        String alongside) {

    /** One step's fields as text, and the problems of that step by part (channel, amount, template...). */
    record Row(
            int index,
            String channel,
            String amount,
            String unit,
            String from,
            String placing,
            String template,
            String variants,
            String review,
            Map<String, String> errors) {}

    /** One wording as typed in a step's variants: {@code B=ftc-email-7*2} (name, template, weight; only the template needed). */
    private static final Pattern WORDING = Pattern.compile("(?:([^=*]+)=)?([^=*]+)(?:\\*(\\d{1,4}))?");

    private static final Pattern STEP_FIELD = Pattern.compile("steps\\[(\\d+)]\\.?(?:delay\\.)?(.*)");

    static CadenceForm of(Cadence cadence) {
        var form = new CadenceForm(
                cadence.name(),
                cadence.endStage(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                cadence.emailsPerDay() == null ? "" : String.valueOf(cadence.emailsPerDay()),
                cadence.alongside() ? "yes" : "");
        for (var step : cadence.steps()) {
            form.channel.add(step.channel().name());
            form.amount.add(String.valueOf(step.delay().amount()));
            form.unit.add(step.delay().unit().name());
            form.from.add(step.delay().from().name());
            form.placing.add(step.placing().name());
            form.template.add(step.template() == null ? "" : step.template());
            form.variants.add(written(step.variants()));
            form.review.add(step.reviewed() ? "yes" : "");
        }
        return form;
    }

    int size() {
        return channel == null ? 0 : channel.size();
    }

    List<Row> rows(Map<String, String> errors) {
        var byRow = new LinkedHashMap<Integer, Map<String, String>>();
        errors.forEach((field, message) -> {
            var m = STEP_FIELD.matcher(field);
            if (m.matches()) {
                var part = m.group(2).isEmpty() ? "step" : m.group(2);
                byRow.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new LinkedHashMap<>())
                        .put(part, message);
            }
        });
        var rows = new ArrayList<Row>();
        for (int i = 0; i < size(); i++) {
            rows.add(new Row(
                    i,
                    at(channel, i),
                    at(amount, i),
                    at(unit, i),
                    at(from, i),
                    at(placing, i),
                    at(template, i),
                    at(variants, i),
                    at(review, i),
                    byRow.getOrDefault(i, Map.of())));
        }
        return rows;
    }

    /** The same form with a blank step added, or one removed; nothing is saved. */
    CadenceForm withStepAdded() {
        var rows = copy();
        rows.channel.add(Channel.CALL.name());
        rows.amount.add("1");
        rows.unit.add(Delay.Unit.BUSINESS_DAYS.name());
        rows.from.add(Delay.Anchor.PREVIOUS.name());
        rows.placing.add(Placing.BEST_WINDOW.name());
        rows.template.add("");
        rows.variants.add("");
        rows.review.add("");
        return rows;
    }

    CadenceForm withStepRemoved(int index) {
        var rows = copy();
        if (index >= 0 && index < rows.size()) {
            for (var list : List.of(
                    rows.channel,
                    rows.amount,
                    rows.unit,
                    rows.from,
                    rows.placing,
                    rows.template,
                    rows.variants,
                    rows.review)) {
                if (index < list.size()) {
                    list.remove(index);
                }
            }
        }
        return rows;
    }

    /** The definition the REST API would receive; fields that are not even the right kind are named. */
    Cadences.Definition definition() {
        var problems = new InvalidInput.Collector();
        var steps = new ArrayList<Cadences.StepDefinition>();
        for (int i = 0; i < size(); i++) {
            var at = "steps[" + i + "]";
            var channelValue = parse(Channel.class, at(channel, i), at + ".channel", problems);
            var unitValue = parse(Delay.Unit.class, at(unit, i), at + ".delay.unit", problems);
            var fromValue = parse(Delay.Anchor.class, at(from, i), at + ".delay.from", problems);
            var placingValue = parse(Placing.class, at(placing, i), at + ".placing", problems);
            Integer amountValue = null;
            try {
                amountValue = Integer.parseInt(at(amount, i).strip());
            } catch (NumberFormatException e) {
                problems.add(at + ".delay.amount", "must be a whole number, such as 3");
            }
            var delay = amountValue == null || unitValue == null ? null : new Delay(amountValue, unitValue, fromValue);
            var text = at(template, i).strip();
            var wordings = wordings(at(variants, i), at + ".variants", problems);
            steps.add(new Cadences.StepDefinition(
                    channelValue,
                    delay,
                    placingValue,
                    text.isEmpty() ? null : text,
                    wordings,
                    "yes".equals(at(review, i)) ? Boolean.TRUE : null));
        }
        Integer perDay = null;
        if (emailsPerDay != null && !emailsPerDay.isBlank()) {
            try {
                perDay = Integer.parseInt(emailsPerDay.strip());
            } catch (NumberFormatException e) {
                problems.add("emailsPerDay", "must be a whole number such as 2, or left empty for one a day");
            }
        }
        problems.throwIfAny();
        var stage = endStage == null || endStage.isBlank() ? null : endStage;
        return new Cadences.Definition(name, steps, stage, perDay, "yes".equals(alongside) ? Boolean.TRUE : null);
    }

    private CadenceForm copy() {
        return new CadenceForm(
                name,
                endStage,
                new ArrayList<>(orEmpty(channel)),
                new ArrayList<>(orEmpty(amount)),
                new ArrayList<>(orEmpty(unit)),
                new ArrayList<>(orEmpty(from)),
                new ArrayList<>(orEmpty(placing)),
                new ArrayList<>(orEmpty(template)),
                padded(variants),
                padded(review),
                emailsPerDay,
                alongside);
    }

    /** A list as long as the steps, for fields a form of an older page may not have sent. */
    private List<String> padded(List<String> list) {
        var copy = new ArrayList<>(orEmpty(list));
        while (copy.size() < size()) {
            copy.add("");
        }
        return copy;
    }

    /** A step's variants as the editor shows them: {@code A=ftc-email-1; B=ftc-email-7*2}. */
    static String written(List<Wording> wordings) {
        return wordings.stream()
                .map(w -> w.name() + "=" + w.template() + (w.weight() == 1 ? "" : "*" + w.weight()))
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** The variants typed for a step, each {@code [name=]template[*weight]}, separated by semicolons. */
    static List<Wording> wordings(String text, String field, InvalidInput.Collector problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var wordings = new ArrayList<Wording>();
        for (var part : text.split(";")) {
            var m = WORDING.matcher(part.strip());
            if (!m.matches()) {
                problems.add(
                        field,
                        "write each wording as template, name=template or name=template*weight, such as"
                                + " 'A=ftc-email-1; B=ftc-email-7*2'; '" + part.strip() + "' is none of these");
                return null;
            }
            wordings.add(new Wording(
                    m.group(1) == null ? null : m.group(1).strip(),
                    m.group(2).strip(),
                    m.group(3) == null ? null : Integer.valueOf(m.group(3))));
        }
        return wordings;
    }

    private static <E extends Enum<E>> E parse(
            Class<E> type, String value, String field, InvalidInput.Collector problems) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add(field, "choose one of the listed values");
            return null;
        }
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i);
    }
}
