import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Inquiry-to-task latency: signed inquiries at a fixed rate; each owner's live stream (server-sent
 * events, sent once the task is committed and so visible in the queue) says when its call was raised.
 * Usage: java InquiryLatency.java <base url> <webhook secret> <per second> <seconds> <token>...
 */
public class InquiryLatency {

    public static void main(String[] args) throws Exception {
        var base = args[0];
        var secret = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        var tokens = List.of(args).subList(4, args.length);
        var client = HttpClient.newHttpClient();
        var sent = new ConcurrentHashMap<String, Long>();
        var raised = new ConcurrentHashMap<String, Long>();
        var name = Pattern.compile("\"prospectName\":\"(Lead [0-9a-f-]+)\"");
        int total = rate * seconds;
        var done = new CountDownLatch(total);
        for (var token : tokens) {
            var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/notifications"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream")
                    .build();
            var lines = client.send(request, HttpResponse.BodyHandlers.ofLines()).body();
            var reader = new Thread(() -> lines.forEach(line -> {
                var m = name.matcher(line);
                if (m.find() && raised.putIfAbsent(m.group(1), System.nanoTime()) == null) {
                    done.countDown();
                }
            }));
            reader.setDaemon(true);
            reader.start();
        }
        var answers = Collections.synchronizedList(new ArrayList<Long>());
        var errors = new java.util.concurrent.atomic.AtomicInteger();
        var pool = Executors.newScheduledThreadPool(8);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long at = start + i * 1_000_000_000L / rate;
            int n = i;
            pool.schedule(() -> {
                var id = "Lead " + java.util.UUID.randomUUID();
                var body = String.format(
                        "{\"id\":\"bench-%d-%s\",\"type\":\"INQUIRY\",\"occurredAt\":\"%s\",\"email\":\"%s@bench.example\","
                                + "\"name\":\"%s\",\"phone\":\"+1 212 555 %04d\",\"message\":\"Please call me\"}",
                        n, id.substring(5), Instant.now(), id.substring(5), id, n % 10_000);
                var bytes = body.getBytes(StandardCharsets.UTF_8);
                long t = Instant.now().getEpochSecond();
                try {
                    var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/signals"))
                            .header("Content-Type", "application/json")
                            .header("FollowThrough-Signature", "t=" + t + ",v1=" + hmac(secret, t + "." + body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                            .build();
                    long before = System.nanoTime();
                    sent.put(id, before);
                    var response = client.send(request, HttpResponse.BodyHandlers.discarding());
                    answers.add(System.nanoTime() - before);
                    if (response.statusCode() != 202) {
                        errors.incrementAndGet();
                        done.countDown();
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    done.countDown();
                }
            }, at - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        done.await(seconds + 60L, TimeUnit.SECONDS);
        pool.shutdownNow();
        var latencies = new ArrayList<Long>();
        for (Map.Entry<String, Long> e : sent.entrySet()) {
            var r = raised.get(e.getKey());
            if (r != null) {
                latencies.add(r - e.getValue());
            }
        }
        System.out.printf("inquiries: %d sent at %d/s, %d errors, %d tasks seen%n", total, rate, errors.get(), latencies.size());
        report("inquiry to task in the owner's queue", latencies);
        report("baseline: the webhook's own answer (202)", new ArrayList<>(answers));
        System.exit(0);
    }

    static void report(String what, List<Long> nanos) {
        Collections.sort(nanos);
        if (nanos.isEmpty()) {
            System.out.println(what + ": none");
            return;
        }
        System.out.printf("%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, ms(nanos, 0.50), ms(nanos, 0.99),
                nanos.get(nanos.size() - 1) / 1e6);
    }

    static double ms(List<Long> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size()))) / 1e6;
    }

    static String hmac(String secret, String text) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
