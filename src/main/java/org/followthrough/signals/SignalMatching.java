package org.followthrough.signals;

import org.followthrough.prospects.Accounts;
import org.followthrough.prospects.Prospects;
import org.springframework.stereotype.Component;

/**
 * R21: a signal is matched to a prospect by email; failing that, to an account by the web domain the
 * sender gave, or else by the email's own domain, and through the account to its most recently active
 * prospect, whose owner then hears of it.
 */
@Component
class SignalMatching {

    private final Prospects prospects;
    private final Accounts accounts;

    SignalMatching(Prospects prospects, Accounts accounts) {
        this.prospects = prospects;
        this.accounts = accounts;
    }

    SignalMatch match(Signal signal) {
        if (signal.email() != null) {
            var person = prospects.byEmail(signal.email());
            if (person.isPresent()) {
                return new SignalMatch(person.get().id(), person.get().accountId(), "email " + signal.email());
            }
        }
        var domain = signal.domain() != null ? signal.domain() : domainOf(signal.email());
        if (domain == null) {
            return SignalMatch.NONE;
        }
        return accounts.byDomain(domain)
                .map(account -> new SignalMatch(
                        prospects.latestAt(account.id()).map(p -> p.id()).orElse(null),
                        account.id(),
                        "web domain " + domain + " (" + account.name() + ")"))
                .orElse(SignalMatch.NONE);
    }

    private static String domainOf(String email) {
        return email == null ? null : email.substring(email.indexOf('@') + 1);
    }
}
