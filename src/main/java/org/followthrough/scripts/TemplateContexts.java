package org.followthrough.scripts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each template key's messages are filled in with: the placeholders every message of the key
 * has ({@code always}), and those known only for some prospects or calls ({@code optional}: the
 * rep's phone, the prospect's company, the last conversation, an article), which a template uses
 * inside a section. A placeholder a key offers neither way is refused when the template is saved.
 * A key not listed here is a team's own, used by a cadence step: it offers what any message of its
 * channel has.
 */
final class TemplateContexts {

    /** What one key offers. */
    record Offer(Set<String> always, Set<String> optional) {

        boolean offers(String name) {
            return always.contains(name) || optional.contains(name);
        }

        /** "prospect.firstName, company; when known: rep.phone, pains" for messages that say what to use. */
        String describe() {
            return String.join(", ", always)
                    + (optional.isEmpty() ? "" : "; when known: " + String.join(", ", optional));
        }
    }

    private static final List<String> NAMES =
            List.of("prospect.firstName", "prospect.fullName", "rep.fullName", "rep.firstName", "company");
    private static final List<String> PROFILE = List.of("prospect.company", "prospect.title", "rep.phone", "rep.email");
    private static final List<String> CONVERSATION = List.of("pains", "gains", "promises");
    private static final List<String> APPOINTMENT = List.of(
            "appointment.localDate", "appointment.localTime", "appointment.monthDay", "appointment.timeZone", "agenda");
    private static final List<String> ARTICLE = List.of("article.title", "article.link");

    /** A voicemail always has a call-back number: the rep's, the team's, or a stand-in the rep replaces. */
    private static final List<String> CALL_BACK = List.of("rep.phone");

    private static final Offer AROUND_AN_APPOINTMENT =
            offer(List.of(NAMES, APPOINTMENT), List.of(PROFILE, CONVERSATION));

    private static final Map<String, Offer> BY_KEY = Map.ofEntries(
            Map.entry("thank-you", AROUND_AN_APPOINTMENT),
            Map.entry("appointment-moved", AROUND_AN_APPOINTMENT),
            Map.entry("appointment-cancelled", AROUND_AN_APPOINTMENT),
            Map.entry("reminder", offer(List.of(NAMES, APPOINTMENT), List.of(PROFILE, CONVERSATION, ARTICLE))),
            Map.entry("post-call-summary", offer(List.of(NAMES), List.of(PROFILE, CONVERSATION, APPOINTMENT))),
            // before the prospect was ever reached there is no conversation and no appointment
            Map.entry("ftc-email", offer(List.of(NAMES), List.of(PROFILE))),
            Map.entry("post-sale", offer(List.of(NAMES), List.of(PROFILE, CONVERSATION))),
            Map.entry("nurture", offer(List.of(NAMES), List.of(PROFILE, CONVERSATION, ARTICLE))),
            Map.entry("ftc-voicemail", offer(List.of(NAMES, CALL_BACK), List.of(PROFILE, ARTICLE))),
            Map.entry(
                    "missed-appointment",
                    offer(
                            List.of(NAMES, CALL_BACK, APPOINTMENT.subList(0, 4)),
                            List.of(PROFILE, List.of("agenda"), CONVERSATION, ARTICLE))),
            Map.entry(
                    "follow-up-voicemail", offer(List.of(NAMES, CALL_BACK), List.of(PROFILE, CONVERSATION, ARTICLE))));

    private static final Map<Channel, Offer> BY_CHANNEL = Map.of(
            Channel.EMAIL, offer(List.of(NAMES), List.of(PROFILE, CONVERSATION, ARTICLE)),
            Channel.VOICEMAIL, offer(List.of(NAMES, CALL_BACK), List.of(PROFILE, CONVERSATION, APPOINTMENT, ARTICLE)),
            Channel.SCRIPT, offer(List.of(NAMES), List.of(PROFILE, CONVERSATION, APPOINTMENT, ARTICLE)));

    private TemplateContexts() {}

    static Offer of(TemplateKey key, Channel channel) {
        var offer = key == null ? null : BY_KEY.get(key.key());
        return offer != null ? offer : BY_CHANNEL.get(channel == null ? Channel.EMAIL : channel);
    }

    private static Offer offer(List<List<String>> always, List<List<String>> optional) {
        var a = new LinkedHashSet<String>();
        always.forEach(a::addAll);
        var o = new LinkedHashSet<String>();
        optional.forEach(o::addAll);
        o.removeAll(a);
        return new Offer(java.util.Collections.unmodifiableSet(a), java.util.Collections.unmodifiableSet(o));
    }
}
