package org.followthrough.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may be posted: not to FollowThrough's own machine or the private network it sits in,
 * where a mistyped or hostile subscriber address would have it post to its own database, an internal
 * admin page or a cloud metadata service. A team whose receiver runs on the same network says so with
 * {@code followthrough.webhooks.allow-private-addresses=true}. Checked when an address is subscribed and
 * again before every post, since a name can come to point elsewhere.
 */
@Component
class SubscriberAddresses {

    private final boolean allowPrivate;

    SubscriberAddresses(@Value("${followthrough.webhooks.allow-private-addresses:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Refuses, with the reason, an address that resolves to a local or private one. */
    void check(URI url) {
        if (allowPrivate || url.getHost() == null) {
            return;
        }
        InetAddress[] resolved;
        try {
            resolved = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException unknown) {
            return; // nothing to post to: the attempt itself reports it
        }
        for (var address : resolved) {
            if (local(address)) {
                throw new IllegalArgumentException(url.getHost() + " is a private or local address ("
                        + address.getHostAddress() + "); an administrator can allow receivers on FollowThrough's own"
                        + " network with followthrough.webhooks.allow-private-addresses=true");
            }
        }
    }

    private static boolean local(InetAddress address) {
        return address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()
                || (address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc);
    }
}
