package org.followthrough.warmup;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.followthrough.cadence.Cadences;
import org.followthrough.cadence.Planner;
import org.followthrough.calendar.Place;
import org.followthrough.calls.Queue;
import org.followthrough.common.Ids;
import org.followthrough.prospects.ProspectFields;
import org.followthrough.prospects.Prospects;
import org.followthrough.signals.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After readiness, on a thread of its own at low priority, does once what the first inquiry would
 * otherwise do cold: parses, locates and maps to time zones a phone number of each country in
 * {@code followthrough.warm-up.countries}, checks a person from there as an inquiry's is (the zone tables and
 * phone areas that gives them a zone and place), and plans the first-time-call cadence there (which reads
 * that country's public holidays and calling rules), a few times over so the compiler takes the hot
 * paths; and, once a round, what every inquiry goes through whatever its country: a webhook signature
 * checked, a new id drawn, and a queue read (of a member who does not exist). Reads only;
 * {@code followthrough.warm-up.enabled=false} turns it off.
 */
@Component
@EnableConfigurationProperties(WarmUp.Settings.class)
class WarmUp {

    /**
     * @param enabled whether the warm-up runs after readiness (default true)
     * @param countries the countries whose phone data, holidays, calling rules and planning are warmed
     *     (default US, CA, GB, DE, FR, AU, IN)
     */
    @ConfigurationProperties("followthrough.warm-up")
    record Settings(Boolean enabled, List<String> countries) {
        Settings {
            enabled = enabled == null || enabled;
            countries = countries == null || countries.isEmpty()
                    ? List.of("US", "CA", "GB", "DE", "FR", "AU", "IN")
                    : List.copyOf(countries);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    /** A zone for each country warmed, for the planner; the countries not listed are planned in UTC. */
    private static final Map<String, ZoneId> ZONES = Map.of(
            "US", ZoneId.of("America/New_York"),
            "CA", ZoneId.of("America/Toronto"),
            "GB", ZoneId.of("Europe/London"),
            "DE", ZoneId.of("Europe/Berlin"),
            "FR", ZoneId.of("Europe/Paris"),
            "AU", ZoneId.of("Australia/Sydney"),
            "IN", ZoneId.of("Asia/Kolkata"));

    static final int ROUNDS = 20;

    /** Whose queue the warm-up reads: no member has this id, so the read finds nothing. */
    static final java.util.UUID NOBODY = new java.util.UUID(0, 0);

    private final Planner planner;
    private final Cadences cadences;
    private final Prospects prospects;
    private final Queue queue;
    private final Clock clock;
    private final boolean enabled;
    private final List<String> countries;

    WarmUp(Planner planner, Cadences cadences, Prospects prospects, Queue queue, Clock clock, Settings settings) {
        this.planner = planner;
        this.cadences = cadences;
        this.prospects = prospects;
        this.queue = queue;
        this.clock = clock;
        this.enabled = settings.enabled();
        this.countries = settings.countries();
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterReadiness() {
        if (!enabled) {
            return;
        }
        var thread = new Thread(this::warm, "warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Runs every round; returns how many of its parts (each country's, and the one every inquiry's) were done without failing. */
    int warm() {
        long start = System.nanoTime();
        int done = 0;
        for (int round = 0; round < ROUNDS; round++) {
            try {
                sharedByEveryInquiry(round);
                done++;
            } catch (RuntimeException e) {
                log.debug("Warming up the parts every inquiry goes through failed", e);
            }
            for (var country : countries) {
                try {
                    var phone = phone(country);
                    plan(country);
                    take(country, phone);
                    done++;
                } catch (RuntimeException e) {
                    log.debug("Warming up for {} failed; the first inquiry from there will be slower", country, e);
                }
            }
        }
        log.info(
                "Warmed up in {} ms: phone numbers, holidays and plans for {}, signatures, ids and the queue ({} of {} parts done)",
                (System.nanoTime() - start) / 1_000_000,
                String.join(", ", countries),
                done,
                ROUNDS * (countries.size() + 1));
        return done;
    }

    /** What every inquiry goes through whatever its country; stores nothing. */
    private void sharedByEveryInquiry(int round) {
        var body = ("{\"warmUp\":" + round + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var now = clock.instant();
        WebhookSignature.verify(WebhookSignature.sign(body, "warm-up", now), body, "warm-up", now);
        Ids.next();
        if (!queue.of(NOBODY, 100).isEmpty()) {
            throw new IllegalStateException("the queue of nobody is not empty");
        }
    }

    /** Returns the country's example phone number as people write it, or null if libphonenumber has none. */
    private static String phone(String country) {
        var util = PhoneNumberUtil.getInstance();
        var example = util.getExampleNumber(country);
        if (example == null) {
            return null;
        }
        var text = util.format(example, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        try {
            var number = util.parse(text, country);
            util.isValidNumber(number);
            util.getNumberType(number);
            util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number);
            PhoneNumberOfflineGeocoder.getInstance().getDescriptionForNumber(number, Locale.ENGLISH);
            return text;
        } catch (com.google.i18n.phonenumbers.NumberParseException unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    /** A person from there checked as an inquiry's is (zone and place from the phone); nothing stored. */
    private void take(String country, String phone) {
        var fields = new ProspectFields(
                "Warm Up",
                null,
                "warm.up@example.com",
                phone,
                "Example",
                null,
                null,
                country,
                null,
                null,
                null,
                null,
                null);
        if (!prospects.wouldTake(fields)) {
            throw new IllegalStateException("the warm-up's person from " + country + " was refused");
        }
    }

    private void plan(String country) {
        var zone = ZONES.getOrDefault(country, ZoneId.of("UTC"));
        cadences.find("first-time-calls")
                .ifPresent(cadence -> planner.preview(cadence, clock.instant(), new Place(zone, country), List.of()));
    }
}
