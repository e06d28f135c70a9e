package org.followthrough.scripts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The named placeholders a template may use, each with what it stands for. Lists (pains, gains,
 * promises) read as "a, b and c" in a sentence, or can be walked with a section such as
 * {@code {{#pains}}- {{.}}{{/pains}}}.
 */
public final class Placeholders {

    public static final Map<String, String> KNOWN = known();

    /** The placeholders that hold lists ("a, b and c" in a sentence). */
    private static final Set<String> LISTS = Set.of("pains", "gains", "promises");

    /** A value for every known placeholder, for finding out which ones a template needs. */
    static final Map<String, Object> SAMPLE = sample();

    /** Values that are known together or not at all: a guard on one of them guards the others. */
    private static final java.util.List<Set<String>> TOGETHER = java.util.List.of(
            Set.of("article.title", "article.link"),
            Set.of("appointment.localDate", "appointment.localTime", "appointment.monthDay", "appointment.timeZone"));

    /** Names that only make sense inside a section: the current item and its position. */
    static final Set<String> SECTION_ITEM = Set.of(".", "this", "-first", "-last", "-index");

    private Placeholders() {}

    public static boolean isKnown(String name) {
        return KNOWN.containsKey(name) || SECTION_ITEM.contains(name);
    }

    /** The name and those known together with it. */
    static Set<String> withCompanions(String name) {
        return TOGETHER.stream()
                .filter(group -> group.contains(name))
                .findFirst()
                .orElse(Set.of(name));
    }

    private static Map<String, Object> sample() {
        var m = new LinkedHashMap<String, Object>();
        for (var name : KNOWN.keySet()) {
            m.put(name, LISTS.contains(name) ? java.util.List.of("sample") : "sample");
        }
        return Map.copyOf(m);
    }

    private static Map<String, String> known() {
        var m = new LinkedHashMap<String, String>();
        m.put("prospect.firstName", "the prospect's first name, e.g. Debbie");
        m.put("prospect.fullName", "the prospect's full name");
        m.put("prospect.company", "the prospect's company");
        m.put("prospect.title", "the prospect's job title");
        m.put("rep.fullName", "the rep's full name, e.g. Michael Powers");
        m.put("rep.firstName", "the rep's first name");
        m.put("rep.phone", "the rep's call-back number");
        m.put("rep.email", "the rep's email address");
        m.put("company", "our organisation's name");
        m.put("pains", "the problems the prospect wants solved, from the last conversation");
        m.put("gains", "what the prospect hopes to gain, from the last conversation");
        m.put("promises", "what was to happen since the last conversation");
        m.put("appointment.localDate", "the appointment's date in the prospect's time zone, e.g. Tuesday, August 16");
        m.put("appointment.localTime", "the appointment's time in the prospect's time zone, e.g. 8:45 AM");
        m.put("appointment.monthDay", "the appointment's month and day, e.g. August 16");
        m.put("appointment.timeZone", "the prospect's time zone, e.g. Eastern Time");
        m.put("agenda", "what the appointment will cover");
        m.put("article.title", "the title of an article from the library");
        m.put("article.link", "the link to that article");
        return Map.copyOf(m);
    }
}
