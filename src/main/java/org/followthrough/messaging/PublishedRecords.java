package org.followthrough.messaging;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Whether what is published in DNS matches what FollowThrough needs: the DKIM record holds the key
 * email is signed with, the domain's SPF record permits the SMTP server mail is sent through, and a
 * DMARC record is there with its policy. Asked on demand (a button on Settings → Email), through the
 * resolver of {@code followthrough.mail.dns.server}, each lookup within {@code
 * followthrough.mail.dns.timeout}; the latest result is kept for the page. A DNS server that does not
 * answer makes every record "could not check", never an error.
 */
@Component
public class PublishedRecords {

    /** How a published record compares with what is needed. */
    public enum State {
        MATCHES,
        MISSING,
        DIFFERS,
        COULD_NOT_CHECK
    }

    /** One record: where it was looked up, how it compares, in words, and the TXT values found there. */
    public record Finding(String name, State state, String detail, List<String> found) {}

    /** A check of the three records, and when it was made. */
    public record Check(Instant at, Finding dkim, Finding spf, Finding dmarc) {}

    private static final int SPF_LOOKUP_LIMIT = 10;

    private final DkimKeys dkim;
    private final DnsLookup dns;
    private final ObjectProvider<JavaMailSender> mailers;
    private final Clock clock;
    private volatile Check last;

    PublishedRecords(DkimKeys dkim, DnsSettings settings, ObjectProvider<JavaMailSender> mailers, Clock clock) {
        this.dkim = dkim;
        this.dns = new DnsLookup(settings);
        this.mailers = mailers;
        this.clock = clock;
    }

    /** The latest check, if one was made since the start. */
    public Optional<Check> last() {
        return Optional.ofNullable(last);
    }

    /** Looks the three records up now; once the DNS server fails to answer, the rest are not asked. */
    public Check check() {
        var published = dkim.published();
        String unreachable = null;
        Finding dkimFinding;
        try {
            dkimFinding = dkim(published.dkim());
        } catch (DnsLookup.Unreachable e) {
            unreachable = e.getMessage();
            dkimFinding = couldNot(published.dkim().name(), unreachable);
        }
        Finding spfFinding;
        if (unreachable != null) {
            spfFinding = couldNot(published.spf().name(), unreachable);
        } else {
            try {
                spfFinding = spf(published.spf().name());
            } catch (DnsLookup.Unreachable e) {
                unreachable = e.getMessage();
                spfFinding = couldNot(published.spf().name(), unreachable);
            }
        }
        Finding dmarcFinding;
        if (unreachable != null) {
            dmarcFinding = couldNot(published.dmarc().name(), unreachable);
        } else {
            try {
                dmarcFinding = dmarc(published.dmarc().name());
            } catch (DnsLookup.Unreachable e) {
                dmarcFinding = couldNot(published.dmarc().name(), e.getMessage());
            }
        }
        var check = new Check(clock.instant(), dkimFinding, spfFinding, dmarcFinding);
        last = check;
        return check;
    }

    private static Finding couldNot(String name, String why) {
        return new Finding(name, State.COULD_NOT_CHECK, "could not check: " + why, List.of());
    }

    private Finding dkim(DkimKeys.DnsRecord wanted) throws DnsLookup.Unreachable {
        var found = dns.txt(wanted.name());
        if (found.isEmpty()) {
            return new Finding(wanted.name(), State.MISSING, "no TXT record is published at this name", found);
        }
        var ours = tags(wanted.value()).get("p");
        var keys = found.stream()
                .map(PublishedRecords::tags)
                .filter(t -> t.containsKey("p"))
                .toList();
        if (keys.isEmpty()) {
            return new Finding(wanted.name(), State.DIFFERS, "the TXT record here is not a DKIM key record", found);
        }
        if (keys.stream().anyMatch(t -> ours.equals(t.get("p")))) {
            return keys.size() == 1
                    ? new Finding(
                            wanted.name(), State.MATCHES, "the published key is the one email is signed with", found)
                    : new Finding(
                            wanted.name(),
                            State.DIFFERS,
                            "several DKIM records are published here; keep only the one shown above",
                            found);
        }
        var revoked = keys.stream().anyMatch(t -> t.get("p").isEmpty());
        return new Finding(
                wanted.name(),
                State.DIFFERS,
                revoked
                        ? "the published record revokes the key (empty p=): publish the record shown above"
                        : "the published key is not the one email is signed with: publish the record shown above",
                found);
    }

    private Finding spf(String domain) throws DnsLookup.Unreachable {
        var found = spfRecords(domain);
        if (found.isEmpty()) {
            return new Finding(domain, State.MISSING, "no SPF record (v=spf1) is published for the domain", found);
        }
        if (found.size() > 1) {
            return new Finding(
                    domain,
                    State.DIFFERS,
                    "more than one SPF record is published: receivers treat that as an error (RFC 7208 §4.5); merge them into one",
                    found);
        }
        var host = smtpHost();
        if (host.isEmpty()) {
            return new Finding(
                    domain,
                    State.MATCHES,
                    "an SPF record is published; no SMTP server is configured to check it against",
                    found);
        }
        var addresses = addressesOf(host.get());
        if (addresses.isEmpty()) {
            return new Finding(
                    domain,
                    State.DIFFERS,
                    "the SMTP server " + host.get() + " has no address to check the SPF record against",
                    found);
        }
        var lookups = new int[] {0};
        var result = evaluate(domain, addresses, lookups);
        return switch (result) {
            case "pass" ->
                new Finding(domain, State.MATCHES, "the SPF record permits the SMTP server " + host.get(), found);
            case "fail", "softfail", "neutral" ->
                new Finding(
                        domain,
                        State.DIFFERS,
                        "the SPF record does not permit the SMTP server " + host.get() + " (" + result
                                + "): add it, or your mail provider's include:",
                        found);
            default -> new Finding(domain, State.DIFFERS, "the SPF record cannot be evaluated (" + result + ")", found);
        };
    }

    private Finding dmarc(String name) throws DnsLookup.Unreachable {
        var found = dns.txt(name).stream()
                .filter(v -> v.strip().toLowerCase(Locale.ROOT).startsWith("v=dmarc1"))
                .toList();
        if (found.isEmpty()) {
            return new Finding(name, State.MISSING, "no DMARC record (v=DMARC1) is published", found);
        }
        if (found.size() > 1) {
            return new Finding(
                    name, State.DIFFERS, "more than one DMARC record is published: receivers ignore them all", found);
        }
        var policy = tags(found.get(0)).get("p");
        if (policy == null || !List.of("none", "quarantine", "reject").contains(policy.toLowerCase(Locale.ROOT))) {
            return new Finding(
                    name, State.DIFFERS, "the DMARC record has no valid policy (p=none, quarantine or reject)", found);
        }
        return new Finding(
                name, State.MATCHES, "a DMARC record is published, policy p=" + policy.toLowerCase(Locale.ROOT), found);
    }

    private List<String> spfRecords(String domain) throws DnsLookup.Unreachable {
        return dns.txt(domain).stream()
                .filter(v -> {
                    var l = v.strip().toLowerCase(Locale.ROOT);
                    return l.equals("v=spf1") || l.startsWith("v=spf1 ");
                })
                .toList();
    }

    /**
     * RFC 7208's check_host() for the mechanisms a domain's own record uses (all, ip4, ip6, a, mx,
     * include, redirect=), at most ten lookups; macros, exists and ptr are taken as not matching.
     * Answers pass, fail, softfail, neutral, none or permerror.
     */
    private String evaluate(String domain, List<InetAddress> addresses, int[] lookups) throws DnsLookup.Unreachable {
        var records = spfRecords(domain);
        if (records.isEmpty()) {
            return "none";
        }
        if (records.size() > 1) {
            return "permerror";
        }
        String redirect = null;
        var terms = records.get(0).strip().split("\\s+");
        for (int i = 1; i < terms.length; i++) {
            var term = terms[i];
            var lower = term.toLowerCase(Locale.ROOT);
            if (lower.startsWith("redirect=")) {
                redirect = term.substring("redirect=".length());
                continue;
            }
            if (lower.matches("[a-z][a-z0-9_.-]*=.*")) {
                continue; // another modifier (exp=)
            }
            var hasQualifier = "+-~?".indexOf(term.charAt(0)) >= 0;
            var qualifier = hasQualifier ? term.charAt(0) : '+';
            var mechanism = hasQualifier ? term.substring(1) : term;
            boolean matches;
            var name = mechanism.toLowerCase(Locale.ROOT).split("[:/]", 2)[0];
            switch (name) {
                case "all" -> matches = true;
                case "ip4", "ip6" -> matches = mechanism.contains(":") && inRange(addresses, mechanism.substring(4));
                case "a" -> {
                    if (++lookups[0] > SPF_LOOKUP_LIMIT) {
                        return "permerror";
                    }
                    var target = target(mechanism, domain);
                    matches = inAny(addresses, dns.addresses(target.name()), target.prefix());
                }
                case "mx" -> {
                    if (++lookups[0] > SPF_LOOKUP_LIMIT) {
                        return "permerror";
                    }
                    var target = target(mechanism, domain);
                    matches = false;
                    for (var exchanger : dns.mx(target.name())) {
                        matches |= inAny(addresses, dns.addresses(exchanger), target.prefix());
                    }
                }
                case "include" -> {
                    if (++lookups[0] > SPF_LOOKUP_LIMIT || !mechanism.contains(":")) {
                        return "permerror";
                    }
                    var included = mechanism.substring(mechanism.indexOf(':') + 1);
                    if (included.contains("%")) {
                        matches = false;
                    } else {
                        var result = evaluate(included, addresses, lookups);
                        if (result.equals("none") || result.equals("permerror")) {
                            return "permerror";
                        }
                        matches = result.equals("pass");
                    }
                }
                default -> matches = false; // exists, ptr, macros: not evaluated here
            }
            if (matches) {
                return switch (qualifier) {
                    case '-' -> "fail";
                    case '~' -> "softfail";
                    case '?' -> "neutral";
                    default -> "pass";
                };
            }
        }
        if (redirect != null && !redirect.contains("%")) {
            if (++lookups[0] > SPF_LOOKUP_LIMIT) {
                return "permerror";
            }
            var result = evaluate(redirect, addresses, lookups);
            return result.equals("none") ? "permerror" : result;
        }
        return "neutral";
    }

    private record Target(String name, String prefix) {}

    /** {@code a}, {@code a:host}, {@code a/24}, {@code mx:host/24}: the name to look up and the prefix. */
    private static Target target(String mechanism, String domain) {
        var rest = mechanism.replaceFirst("(?i)^(a|mx)", "");
        String prefix = null;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            prefix = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        var name = rest.startsWith(":") ? rest.substring(1) : domain;
        return new Target(name, prefix);
    }

    private static boolean inAny(List<InetAddress> addresses, List<String> published, String prefix) {
        for (var p : published) {
            String bits = null;
            if (prefix != null) {
                var dual = prefix.split("//", -1);
                bits = p.contains(":") ? (dual.length > 1 ? dual[1] : null) : dual[0];
            }
            if (inRange(addresses, bits == null || bits.isEmpty() ? p : p + "/" + bits)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the addresses is in the range ({@code 192.0.2.0/24}, {@code 2001:db8::1}). */
    private static boolean inRange(List<InetAddress> addresses, String range) {
        try {
            var slash = range.indexOf('/');
            var network = InetAddress.getByName(slash < 0 ? range : range.substring(0, slash));
            var bits = network.getAddress().length * 8;
            var prefix = slash < 0 ? bits : Integer.parseInt(range.substring(slash + 1));
            for (var address : addresses) {
                if (address.getAddress().length == network.getAddress().length
                        && prefix >= 0
                        && prefix <= bits
                        && sameNetwork(address.getAddress(), network.getAddress(), prefix)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException | NumberFormatException notAnAddress) {
            return false;
        }
    }

    private static boolean sameNetwork(byte[] a, byte[] b, int prefix) {
        if (prefix == 0) {
            return true;
        }
        var bits = a.length * 8;
        var x = new BigInteger(1, a).shiftRight(bits - prefix);
        var y = new BigInteger(1, b).shiftRight(bits - prefix);
        return x.equals(y);
    }

    private Optional<String> smtpHost() {
        var mailer = mailers.getIfAvailable();
        return mailer instanceof JavaMailSenderImpl impl
                        && impl.getHost() != null
                        && !impl.getHost().isBlank()
                ? Optional.of(impl.getHost())
                : Optional.empty();
    }

    private List<InetAddress> addressesOf(String host) throws DnsLookup.Unreachable {
        var literal = host.replace("[", "").replace("]", "");
        if (literal.matches("[0-9.]+") || literal.contains(":")) {
            try {
                return List.of(InetAddress.getByName(literal)); // a literal: no lookup is made
            } catch (UnknownHostException notALiteral) {
                return List.of();
            }
        }
        var addresses = new ArrayList<InetAddress>();
        for (var a : dns.addresses(literal)) {
            try {
                addresses.add(InetAddress.getByName(a));
            } catch (UnknownHostException ignored) {
                // not an address literal: skipped
            }
        }
        return addresses;
    }

    /** A tag list ({@code v=DKIM1; k=rsa; p=...}), names lower-cased, spaces inside values dropped. */
    static Map<String, String> tags(String record) {
        var tags = new LinkedHashMap<String, String>();
        for (var part : record.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                tags.put(
                        part.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                        part.substring(eq + 1).replaceAll("\\s", ""));
            }
        }
        return tags;
    }
}
