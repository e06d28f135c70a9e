package org.followthrough.signals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.followthrough.prospects.Accounts;
import org.followthrough.prospects.Prospect;
import org.followthrough.prospects.Prospects;
import org.springframework.stereotype.Component;

/**
 * R21: a signal is matched to a prospect by email; failing that, to an account by the web domain the
 * sender gave, or else by the email's own domain, and through the account to its most recently active
 * prospect, whose owner then hears of it. A batch is matched with one lookup per kind, not one per signal.
 */
@Component
class SignalMatching {

    private final Prospects prospects;
    private final Accounts accounts;

    SignalMatching(Prospects prospects, Accounts accounts) {
        this.prospects = prospects;
        this.accounts = accounts;
    }

    /** Whom each signal concerns, in the order given. */
    List<SignalMatch> matchAll(List<Signal> signals) {
        var people = prospects.byEmails(signals.stream()
                .map(Signal::email)
                .filter(Objects::nonNull)
                .map(email -> email.toLowerCase(Locale.ROOT))
                .distinct()
                .toList());
        var domains = signals.stream()
                .filter(s -> s.email() == null || !people.containsKey(s.email().toLowerCase(Locale.ROOT)))
                .map(SignalMatching::domainOf)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        var companies = domains.isEmpty()
                ? java.util.Map.<String, org.followthrough.prospects.Account>of()
                : accounts.byDomains(domains);
        var latest = new HashMap<UUID, UUID>();
        var matches = new ArrayList<SignalMatch>(signals.size());
        for (var signal : signals) {
            var person =
                    signal.email() == null ? null : people.get(signal.email().toLowerCase(Locale.ROOT));
            if (person != null) {
                matches.add(new SignalMatch(person.id(), person.accountId(), "email " + signal.email()));
                continue;
            }
            var domain = domainOf(signal);
            var account = domain == null ? null : companies.get(domain);
            if (account == null) {
                matches.add(SignalMatch.NONE);
                continue;
            }
            var colleague = latest.computeIfAbsent(
                    account.id(), id -> prospects.latestAt(id).map(Prospect::id).orElse(null));
            matches.add(new SignalMatch(colleague, account.id(), "web domain " + domain + " (" + account.name() + ")"));
        }
        return matches;
    }

    private static String domainOf(Signal signal) {
        if (signal.domain() != null) {
            return signal.domain();
        }
        var email = signal.email();
        return email == null ? null : email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
