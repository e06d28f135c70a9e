package org.followthrough.messaging;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The address people reach this installation at, for every link in an email: the one an admin gave
 * on the settings page, else {@code followthrough.mail.public-url} (default {@code
 * http://localhost:8080}, which only works on the server itself, so the settings page warns while it
 * holds).
 */
@Service
public class PublicAddress {

    private final JdbcClient jdbc;
    private final MailSettings settings;
    private final Clock clock;
    private volatile URI given;
    private volatile boolean loaded;

    PublicAddress(JdbcClient jdbc, MailSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** The address links are made from. */
    public URI current() {
        if (!loaded) {
            given = jdbc.sql("select url from public_address where id = 1")
                    .query(String.class)
                    .optional()
                    .map(URI::create)
                    .orElse(null);
            loaded = true;
        }
        return given != null ? given : settings.publicUrl();
    }

    /** Whether an admin gave the address here (rather than it coming from the setting or its default). */
    public boolean givenHere() {
        current();
        return given != null;
    }

    /** Whether links would point at this machine only (localhost, a loopback or unspecified address). */
    public boolean pointsAtLocalhost() {
        return isLocal(current().getHost());
    }

    /** Whether a host name means this machine only. */
    public static boolean isLocal(String host) {
        if (host == null || host.isBlank()) {
            return true;
        }
        var h = host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (h.matches("[0-9.]+") || h.contains(":")) {
            try {
                var address = InetAddress.getByName(h); // a literal: no lookup is made
                return address.isLoopbackAddress() || address.isAnyLocalAddress();
            } catch (java.net.UnknownHostException notALiteral) {
                return false;
            }
        }
        return false;
    }

    /** Sets the address; an absolute http(s) address with a host (a path is dropped: links start at the host). */
    @Transactional
    public URI set(String text, String by) {
        var uri = parse(text);
        jdbc.sql("delete from public_address").update();
        jdbc.sql("insert into public_address (id, url, set_by, set_at) values (1, ?, ?, ?)")
                .params(uri.toString(), by, Sql.ts(clock.instant()))
                .update();
        given = uri;
        loaded = true;
        return uri;
    }

    static URI parse(String text) {
        var value = text == null ? "" : text.strip();
        try {
            var uri = new URI(value);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http"))
                    || uri.getHost() == null
                    || uri.getQuery() != null
                    || uri.getFragment() != null
                    || uri.getUserInfo() != null
                    || value.length() > 500) {
                throw InvalidInput.of(
                        "publicUrl", "must be an address such as https://followthrough.example.com, without ? or #");
            }
            return new URI(scheme, null, uri.getHost(), uri.getPort(), null, null, null);
        } catch (URISyntaxException bad) {
            throw InvalidInput.of("publicUrl", "must be an address such as https://followthrough.example.com");
        }
    }
}
