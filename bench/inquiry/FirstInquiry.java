import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The first inquiries after a start, one at a time: for each, the time from sending the signed webhook
 * until the new call is in the owner's queue (GET /api/v1/queue, asked every 5 ms) and until the live
 * stream announces it. Prints one line per inquiry: "n queue-ms stream-ms".
 * Up to 5 starts of 100 inquiries each fit in the queue's answer of 500.
 * Usage: java FirstInquiry.java <base url> <webhook secret> <token> <count> <pause ms>
 */
public class FirstInquiry {

    public static void main(String[] args) throws Exception {
        var base = args[0];
        var secret = args[1];
        var token = args[2];
        int count = Integer.parseInt(args[3]);
        long pause = Long.parseLong(args[4]);
        var client = HttpClient.newHttpClient();
        var announced = new ConcurrentHashMap<String, Long>();
        var name = Pattern.compile("\"prospectName\":\"(First [0-9a-f]+)\"");
        var stream = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/notifications"))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines())
                .body();
        var reader = new Thread(() -> stream.forEach(line -> {
            var m = name.matcher(line);
            if (m.find()) {
                announced.putIfAbsent(m.group(1), System.nanoTime());
            }
        }));
        reader.setDaemon(true);
        reader.start();
        // the whole queue (up to its 500): the starts share one database, and by the second start the rep's
        // queue holds the earlier starts' calls, so the first 100 (the default) need not include the new one
        var queue = HttpRequest.newBuilder(URI.create(base + "/api/v1/queue?limit=500"))
                .header("Authorization", "Bearer " + token)
                .timeout(java.time.Duration.ofSeconds(5))
                .build();
        // the client's own first use (its HTTP stack, the signature's MAC) is not the server's: warm it first
        for (int i = 0; i < 200; i++) {
            hmac(secret, "warm-up " + i);
        }
        for (int i = 0; i < 20; i++) {
            client.send(queue, HttpResponse.BodyHandlers.ofString());
        }
        for (int n = 1; n <= count; n++) {
            var id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            var lead = "First " + id;
            var body = String.format(
                    "{\"id\":\"first-%s\",\"type\":\"INQUIRY\",\"occurredAt\":\"%s\",\"email\":\"%s@first.example\","
                            + "\"name\":\"%s\",\"phone\":\"+1 212 555 %04d\",\"message\":\"Please call me\"}",
                    id, Instant.now(), id, lead, n % 10_000);
            long t = Instant.now().getEpochSecond();
            var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/signals"))
                    .header("Content-Type", "application/json")
                    .header("FollowThrough-Signature", "t=" + t + ",v1=" + hmac(secret, t + "." + body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            long sent = System.nanoTime();
            var answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 202) {
                throw new IllegalStateException(answer.statusCode() + " " + answer.body());
            }
            long inQueue = -1;
            while (System.nanoTime() - sent < 30_000_000_000L) {
                try {
                    if (client.send(queue, HttpResponse.BodyHandlers.ofString()).body().contains(lead)) {
                        inQueue = System.nanoTime();
                        break;
                    }
                } catch (java.net.http.HttpTimeoutException stuck) {
                    // a pooled connection the server closed after its 1,000 requests can leave an answer
                    // waiting for ever; ask again on another
                }
                Thread.sleep(5);
            }
            while (!announced.containsKey(lead) && System.nanoTime() - sent < 30_000_000_000L) {
                Thread.sleep(5);
            }
            Long live = announced.get(lead);
            System.out.printf(
                    "%d %.1f %.1f%n",
                    n, inQueue < 0 ? -1 : (inQueue - sent) / 1e6, live == null ? -1 : (live - sent) / 1e6);
            Thread.sleep(pause);
        }
        System.exit(0);
    }

    static String hmac(String secret, String text) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
