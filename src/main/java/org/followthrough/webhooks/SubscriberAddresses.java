package org.followthrough.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may be posted: not to FollowThrough's own machine or the private network it sits in,
 * where a mistyped or hostile subscriber address would have it post to its own database, an internal
 * admin page or a cloud metadata service. A team whose receiver runs on the same network says so with
 * {@code followthrough.webhooks.allow-private-addresses=true}. Checked when an address is subscribed and
 * again before every post, since a name can come to point elsewhere.
 *
 * <p>The host is normalised before the check, as browsers and HTTP clients read it (the WHATWG URL
 * standard's IPv4 parser, the same as {@code inet_aton}): every IPv4 spelling ({@code 0x7f000001},
 * {@code 0177.0.0.1}, {@code 2130706433}, {@code 127.1}) is the address it stands for. An IPv6 address
 * that carries an IPv4 one (v4-mapped, v4-compatible, 6to4, NAT64) is judged by the IPv4 address inside.
 * The ranges refused are IANA's special-purpose address registries (RFC 6890 and its updates): see
 * {@link #refusedV4} and {@link #refusedV6}.
 */
@Component
@EnableConfigurationProperties(WebhookSettings.class)
class SubscriberAddresses {

    private final boolean allowPrivate;

    @Autowired
    SubscriberAddresses(WebhookSettings settings) {
        this(settings.allowPrivateAddresses());
    }

    SubscriberAddresses(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Refuses, with the reason, an address that is or resolves to a local, private or reserved one. */
    void check(URI url) {
        var host = host(url);
        if (allowPrivate || host == null) {
            return;
        }
        for (var address : addresses(host)) {
            var why = refused(address);
            if (why.isPresent()) {
                throw new IllegalArgumentException(host + " is " + why.get() + " (" + address.getHostAddress()
                        + "); an administrator can allow receivers on FollowThrough's own network with"
                        + " followthrough.webhooks.allow-private-addresses=true");
            }
        }
    }

    /** The host as written, also where {@link URI} finds none (a host such as {@code 0x7f000001} or {@code 127.1}). */
    static String host(URI url) {
        if (url.getHost() != null) {
            return url.getHost();
        }
        var authority = url.getRawAuthority();
        if (authority == null) {
            return null;
        }
        var host = authority.substring(authority.lastIndexOf('@') + 1);
        if (host.startsWith("[")) {
            return host.contains("]") ? host.substring(0, host.indexOf(']') + 1) : host;
        }
        return host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
    }

    private static List<InetAddress> addresses(String host) {
        var literal = literal(host);
        if (literal.isPresent()) {
            return List.of(literal.get());
        }
        var name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost") || name.equals("localhost.")) {
            return List.of(InetAddress.getLoopbackAddress()); // RFC 6761: always this machine
        }
        try {
            return Arrays.asList(InetAddress.getAllByName(host));
        } catch (UnknownHostException unknown) {
            return List.of(); // nothing to post to: the attempt itself reports it, and is checked again then
        }
    }

    /** The address a host stands for when it is an address rather than a name, in any spelling. */
    static Optional<InetAddress> literal(String host) {
        try {
            if (host.startsWith("[") && host.endsWith("]")) {
                var inside = host.substring(1, host.length() - 1);
                if (!inside.contains(":")) {
                    throw new UnknownHostException(inside);
                }
                int zone = inside.indexOf('%');
                return Optional.of(InetAddress.getByName(zone < 0 ? inside : inside.substring(0, zone)));
            }
            var v4 = ipv4(host);
            return v4 == null ? Optional.empty() : Optional.of(InetAddress.getByAddress(v4));
        } catch (UnknownHostException notAnAddress) {
            throw new IllegalArgumentException(host + " is not a valid IP address");
        }
    }

    /**
     * The WHATWG URL standard's IPv4 parser: a host whose last part is a number is an IPv4 address of one
     * to four parts, each decimal, octal (leading 0) or hexadecimal (0x), the last filling the bytes left.
     * Null when the host is a name.
     */
    static byte[] ipv4(String host) {
        var parts = new ArrayList<>(Arrays.asList(host.split("\\.", -1)));
        if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1); // a trailing dot, as in 127.0.0.1.
        }
        if (parts.isEmpty() || number(parts.get(parts.size() - 1)) == null) {
            return null;
        }
        if (parts.size() > 4) {
            throw new IllegalArgumentException(host + " is not a valid IPv4 address");
        }
        long value = 0;
        for (int i = 0; i < parts.size(); i++) {
            var n = number(parts.get(i));
            boolean last = i == parts.size() - 1;
            long limit = last ? 1L << (8 * (5 - parts.size())) : 256;
            if (n == null || n >= limit) {
                throw new IllegalArgumentException(host + " is not a valid IPv4 address");
            }
            value = last ? (value << (8 * (5 - parts.size()))) | n : (value << 8) | n;
        }
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static Long number(String part) {
        try {
            if (part.startsWith("0x") || part.startsWith("0X")) {
                return part.length() == 2 ? 0L : Long.parseLong(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return Long.parseLong(part.substring(1), 8);
            }
            return part.isEmpty() ? null : Long.parseLong(part);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** Why this address may not receive webhooks, if it may not. */
    static Optional<String> refused(InetAddress address) {
        var bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return refusedV4(bytes);
        }
        if (address instanceof Inet6Address) {
            return refusedV6(bytes);
        }
        return Optional.empty();
    }

    /** IANA IPv4 Special-Purpose Address Registry, and multicast and the reserved class E. */
    static Optional<String> refusedV4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        if (b0 == 127) {
            return Optional.of("this machine (loopback)");
        }
        if (b0 == 0) {
            return Optional.of("\"this network\" (0.0.0.0/8)");
        }
        if (b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168)) {
            return Optional.of("a private address (RFC 1918)");
        }
        if (b0 == 100 && b1 >= 64 && b1 <= 127) {
            return Optional.of("a shared carrier-grade NAT address (100.64.0.0/10)");
        }
        if (b0 == 169 && b1 == 254) {
            return Optional.of("a link-local address (where cloud metadata services answer)");
        }
        if (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)) {
            return Optional.of("a reserved address (192.0.0.0/24, 192.0.2.0/24)");
        }
        if (b0 == 198 && (b1 == 18 || b1 == 19)) {
            return Optional.of("a benchmarking address (198.18.0.0/15)");
        }
        if ((b0 == 198 && b1 == 51 && b2 == 100) || (b0 == 203 && b1 == 0 && b2 == 113)) {
            return Optional.of("a documentation address");
        }
        if (b0 >= 224) {
            return Optional.of("a multicast or reserved address (224.0.0.0/3)");
        }
        return Optional.empty();
    }

    /** IANA IPv6 Special-Purpose Address Registry; an embedded IPv4 address is judged as IPv4. */
    static Optional<String> refusedV6(byte[] a) {
        if (allZero(a, 0, 15) && (a[15] == 1 || a[15] == 0)) {
            return Optional.of(a[15] == 1 ? "this machine (loopback)" : "the unspecified address");
        }
        if (allZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return embedded(a, 12, "an IPv4-mapped address of ");
        }
        if (allZero(a, 0, 12)) {
            return embedded(a, 12, "an IPv4-compatible address of ");
        }
        int w0 = ((a[0] & 0xff) << 8) | (a[0 + 1] & 0xff);
        int w1 = ((a[2] & 0xff) << 8) | (a[3] & 0xff);
        if (w0 == 0x0064 && w1 == 0xff9b && allZero(a, 4, 12)) {
            return embedded(a, 12, "a NAT64 address of ");
        }
        if (w0 == 0x0064 && w1 == 0xff9b) {
            return Optional.of("a local-use NAT64 address (64:ff9b:1::/48)");
        }
        if (w0 == 0x2002) {
            return embedded(a, 2, "a 6to4 address of ");
        }
        if (w0 == 0x2001 && w1 == 0x0000) {
            return Optional.of("a Teredo tunnel address (2001::/32), which hides the address it reaches");
        }
        if (w0 == 0x2001 && w1 == 0x0db8) {
            return Optional.of("a documentation address (2001:db8::/32)");
        }
        if (w0 == 0x0100 && allZero(a, 2, 8)) {
            return Optional.of("a discard-only address (100::/64)");
        }
        if ((w0 & 0xfe00) == 0xfc00) {
            return Optional.of("a unique-local address (fc00::/7)");
        }
        if ((w0 & 0xffc0) == 0xfe80) {
            return Optional.of("a link-local address (fe80::/10)");
        }
        if ((w0 & 0xffc0) == 0xfec0) {
            return Optional.of("a site-local address (fec0::/10)");
        }
        if ((w0 & 0xff00) == 0xff00) {
            return Optional.of("a multicast address (ff00::/8)");
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(byte[] a, int from, String what) {
        var v4 = Arrays.copyOfRange(a, from, from + 4);
        return refusedV4(v4)
                .map(why -> what + (v4[0] & 0xff) + "." + (v4[1] & 0xff) + "." + (v4[2] & 0xff) + "." + (v4[3] & 0xff)
                        + ", " + why);
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
