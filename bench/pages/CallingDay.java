import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.regex.Pattern;

/**
 * A rep working the queue as the call screen does: from the call page open, log an outcome (the form
 * as the page sends it, with its CSRF token and the task it was opened for) and open the next call the
 * answer redirects to. Times that pair of requests, one after the other on one connection.
 * Usage: java CallingDay.java <base url> <email> <password> <warm-up logs> <timed logs> <outcome>
 */
public class CallingDay {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern TASK = Pattern.compile("name=\"taskId\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        var base = args[0];
        int warm = Integer.parseInt(args[3]);
        int timed = Integer.parseInt(args[4]);
        var outcome = args[5];
        var client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var login = get(client, base + "/login").body();
        post(client, base + "/login", "username=" + enc(args[1]) + "&password=" + enc(args[2]) + "&_csrf="
                + enc(find(CSRF, login)));
        var start = get(client, base + "/today/start");
        var location = start.headers().firstValue("Location").orElseThrow();
        if (!location.contains("/call")) {
            throw new IllegalStateException("nothing due to call: " + location);
        }
        var page = get(client, absolute(base, location)).body();
        var times = new ArrayList<Double>();
        for (int i = 0; i < warm + timed; i++) {
            var prospect = location.replaceAll(".*/prospects/([0-9a-f-]+)/call.*", "$1");
            long t0 = System.nanoTime();
            var logged = post(
                    client,
                    base + "/prospects/" + prospect + "/call",
                    "_csrf=" + enc(find(CSRF, page)) + "&taskId=" + enc(find(TASK, page)) + "&outcome=" + outcome);
            if (logged.statusCode() != 302 && logged.statusCode() != 303) {
                throw new IllegalStateException("logging answered " + logged.statusCode());
            }
            location = logged.headers().firstValue("Location").orElseThrow();
            var next = get(client, absolute(base, location));
            long t1 = System.nanoTime();
            if (next.statusCode() != 200 || !location.contains("/call")) {
                throw new IllegalStateException("the next call did not open: " + next.statusCode() + " " + location);
            }
            page = next.body();
            if (i >= warm) {
                times.add((t1 - t0) / 1e6);
            }
        }
        Collections.sort(times);
        System.out.printf(
                "log %s and open the next call: %d timed after %d warm-up, p50: %.1f ms, p95: %.1f ms, p99: %.1f ms, max: %.1f ms%n",
                outcome, timed, warm, at(times, 50), at(times, 95), at(times, 99), times.get(times.size() - 1));
    }

    static double at(ArrayList<Double> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    static String absolute(String base, String location) {
        return location.startsWith("http") ? location : base + location;
    }

    static String find(Pattern p, String html) {
        var m = p.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("not on the page: " + p);
        }
        return m.group(1).replace("&amp;", "&");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(HttpClient client, String url, String form) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
