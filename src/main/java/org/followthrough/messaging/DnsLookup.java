package org.followthrough.messaging;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.directory.InitialDirContext;

/**
 * DNS lookups through the JDK's own DNS provider (JNDI, module {@code jdk.naming.dns}), so checking
 * what is published needs no library: the server from {@link DnsSettings} (or the system's). A name that does not exist, or has no record of the type, answers an empty
 * list; a server that does not answer (a try and a retry within the timeout) throws {@link Unreachable}.
 */
class DnsLookup {

    /** The DNS server could not be asked (no answer within the timeout, no network, a refusal). */
    static final class Unreachable extends Exception {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final DnsSettings settings;

    DnsLookup(DnsSettings settings) {
        this.settings = settings;
    }

    /** The TXT records at the name, each with its character-strings joined as RFC 6376 and RFC 7208 say. */
    List<String> txt(String name) throws Unreachable {
        var found = new ArrayList<String>();
        for (var value : lookup(name, "TXT")) {
            found.add(joined(value));
        }
        return found;
    }

    /** The IPv4 and IPv6 addresses of a name. */
    List<String> addresses(String name) throws Unreachable {
        var found = new ArrayList<String>(lookup(name, "A"));
        found.addAll(lookup(name, "AAAA"));
        return found;
    }

    /** The mail exchangers of a name (host names, without their preference). */
    List<String> mx(String name) throws Unreachable {
        var hosts = new ArrayList<String>();
        for (var value : lookup(name, "MX")) {
            var parts = value.strip().split("\\s+");
            hosts.add(stripDot(parts[parts.length - 1]));
        }
        return hosts;
    }

    private List<String> lookup(String name, String type) throws Unreachable {
        var env = new Hashtable<String, String>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("java.naming.provider.url", settings.providerUrl());
        // one try and one retry, the second given twice as long: the two together take the timeout
        env.put(
                "com.sun.jndi.dns.timeout.initial",
                String.valueOf(Math.max(1, settings.timeout().toMillis() / 3)));
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        InitialDirContext context = null;
        try {
            context = new InitialDirContext(env);
            var attributes = context.getAttributes(stripDot(name) + ".", new String[] {type});
            var attribute = attributes.get(type);
            var values = new ArrayList<String>();
            if (attribute != null) {
                for (int i = 0; i < attribute.size(); i++) {
                    values.add(String.valueOf(attribute.get(i)));
                }
            }
            return values;
        } catch (NameNotFoundException noSuchName) {
            return List.of();
        } catch (NamingException e) {
            var why = e.getExplanation() != null
                    ? e.getExplanation()
                    : e.getClass().getSimpleName();
            var root = e.getRootCause() != null && e.getRootCause().getMessage() != null
                    ? " (" + e.getRootCause().getMessage() + ")"
                    : "";
            throw new Unreachable(
                    "the DNS server " + (settings.server().isEmpty() ? "of this machine" : settings.server())
                            + " did not answer for " + name + ": " + why + root,
                    e);
        } finally {
            if (context != null) {
                try {
                    context.close();
                } catch (NamingException ignored) {
                    // nothing held open
                }
            }
        }
    }

    /**
     * A TXT record as the JDK gives it (its character-strings separated by spaces, a string holding
     * a space, a quote or a backslash in quotes with backslash escapes) joined back without spaces.
     */
    static String joined(String value) {
        var out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '"') {
                i++;
                while (i < value.length() && value.charAt(i) != '"') {
                    if (value.charAt(i) == '\\' && i + 1 < value.length()) {
                        i++;
                    }
                    out.append(value.charAt(i++));
                }
                i++;
            } else {
                while (i < value.length() && value.charAt(i) != ' ') {
                    out.append(value.charAt(i++));
                }
            }
        }
        return out.toString();
    }

    private static String stripDot(String name) {
        var n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
