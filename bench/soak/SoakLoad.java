import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The soak's load and its measurements (bench/soak/run.sh starts it; settings are environment variables).
 *
 * <p>For MINUTES, at fixed rates whatever the answers take (each request timed from the moment it was
 * due, so a slow server shows in the figures instead of slowing the load), spread over the instances in
 * BASES in turn: signed web inquiries (POST /api/v1/signals), calls logged by the reps (POST
 * /api/v1/prospects/{id}/calls, on their prospects still NEW first), pages as a signed-in rep (/today,
 * /prospects, /numbers, each with its own session and its CSRF-protected sign-in on each instance), and a
 * small CSV import (POST /api/v1/imports, followed until it is done). Reads behind those (the reps'
 * prospect lists, the import's progress) are timed as "api-read".
 *
 * <p>Every WINDOW_SECONDS, and once before the load starts: a full collection on each instance (jcmd
 * GC.run) and the heap it left, read from the instance's GC log (GC_LOGS), and the emails the SMTP server
 * has received (MAIL_COUNTS). At the end: per window and kind, the count, errors (any answer but the
 * expected status, connection errors, timeouts), p50 and p99, written to RESULTS as CSV and printed as
 * tables with the rules for "flat" and "steady". Exits 1 when any request failed.
 */
public class SoakLoad {

    static final List<String> KINDS =
            List.of("inquiry", "call", "import", "page /today", "page /prospects", "page /numbers", "api-read");
    static final Pattern ID = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"");
    static final Pattern FULL =
            Pattern.compile("Pause Full \\(([^)]*)\\)\\)? (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    record Rep(String email, String token) {}

    record Heap(double afterMb, double capacityMb, int fullCollections) {}

    static String secret;
    static List<String> bases;
    static List<Rep> reps;
    static long start;
    static long windowNanos;
    static int windows;
    static final HttpClient api = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    static HttpClient[][] sessions;
    static final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    static final Map<String, List<String>> samples = new ConcurrentHashMap<>();
    static final Map<Integer, ConcurrentLinkedDeque<String>> candidates = new ConcurrentHashMap<>();
    static final AtomicLong turn = new AtomicLong();
    static final AtomicLong serial = new AtomicLong();
    static final String run = Long.toString(System.currentTimeMillis() / 1000, 36);

    public static void main(String[] args) throws Exception {
        secret = env("SECRET", null);
        bases = List.of(env("BASES", null).split(" "));
        var pids = List.of(env("PIDS", null).split(" "));
        var gcLogs = List.of(env("GC_LOGS", null).split(" ")).stream().map(Path::of).toList();
        var mailCounts = Path.of(env("MAIL_COUNTS", null));
        reps = Files.readAllLines(Path.of(env("REPS", null))).stream()
                .filter(l -> !l.isBlank())
                .map(l -> new Rep(l.split(" ")[0], l.split(" ")[1]))
                .toList();
        var repPassword = env("REP_PASSWORD", null);
        double minutes = Double.parseDouble(env("MINUTES", "60"));
        windowNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(env("WINDOW_SECONDS", "300")));
        double inquiries = Double.parseDouble(env("INQUIRIES_PER_MINUTE", "60"));
        double calls = Double.parseDouble(env("CALLS_PER_MINUTE", "60"));
        double pages = Double.parseDouble(env("PAGES_PER_MINUTE", "120"));
        long importEvery = Long.parseLong(env("IMPORT_EVERY_SECONDS", "30"));
        int importRows = Integer.parseInt(env("IMPORT_ROWS", "20"));
        long total = (long) (minutes * 60e9);
        windows = (int) Math.ceil((double) total / windowNanos);

        sessions = new HttpClient[bases.size()][reps.size()];
        for (int i = 0; i < bases.size(); i++) {
            for (int r = 0; r < reps.size(); r++) {
                sessions[i][r] = signIn(bases.get(i), reps.get(r).email(), repPassword);
            }
        }
        System.out.printf(
                "load: %.0f inquiries, %.0f calls, %.0f page views a minute, an import of %d rows every %d s;"
                        + " %d reps signed in on each of %d instances; %d windows of %d s%n",
                inquiries, calls, pages, importRows, importEvery, reps.size(), bases.size(), windows,
                TimeUnit.NANOSECONDS.toSeconds(windowNanos));

        var heaps = new TreeMap<Integer, List<Heap>>();
        var mail = new TreeMap<Integer, String>();
        heaps.put(0, collect(pids, gcLogs));
        mail.put(0, readMail(mailCounts));
        System.out.printf("before the load: heap after a full collection %s MB%n", describe(heaps.get(0)));

        var workers = Executors.newFixedThreadPool(64);
        var ticks = Executors.newScheduledThreadPool(2);
        var gc = Executors.newSingleThreadScheduledExecutor();
        start = System.nanoTime();
        every(ticks, workers, 60e9 / inquiries, SoakLoad::inquiry);
        every(ticks, workers, 60e9 / calls, SoakLoad::call);
        var page = new AtomicInteger();
        every(ticks, workers, 60e9 / pages, due -> page(due, page.getAndIncrement()));
        every(ticks, workers, importEvery * 1e9, due -> importCsv(due, importRows));
        for (int w = 1; w <= windows; w++) {
            int window = w;
            long at = Math.min(window * windowNanos, total);
            gc.schedule(
                    () -> {
                        heaps.put(window, collect(pids, gcLogs));
                        mail.put(window, readMail(mailCounts));
                        System.out.printf("window %d done: heap after a full collection %s MB, emails received %s%n",
                                window, describe(heaps.get(window)), mail.get(window));
                    },
                    at - (System.nanoTime() - start) + 1_000_000,
                    TimeUnit.NANOSECONDS);
        }
        TimeUnit.NANOSECONDS.sleep(total - (System.nanoTime() - start));
        ticks.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(2, TimeUnit.MINUTES);
        gc.shutdown();
        gc.awaitTermination(2, TimeUnit.MINUTES);
        System.exit(report(heaps, mail, Path.of(env("RESULTS", "soak.csv"))));
    }

    interface Job {
        void run(long due) throws Exception;
    }

    /** Fires the job at a fixed rate; each run is handed to the workers with the moment it was due. */
    static void every(ScheduledExecutorService ticks, ExecutorService workers, double periodNanos, Job job) {
        long period = Math.max(1, (long) periodNanos);
        ticks.scheduleAtFixedRate(
                () -> {
                    long due = System.nanoTime();
                    workers.execute(() -> {
                        try {
                            job.run(due);
                        } catch (Exception e) {
                            // the job records its own failures; anything else is a bug in this harness
                            e.printStackTrace();
                        }
                    });
                },
                ThreadLocalRandom.current().nextLong(period),
                period,
                TimeUnit.NANOSECONDS);
    }

    static int next(int size) {
        return (int) Math.floorMod(turn.getAndIncrement(), (long) size);
    }

    static void inquiry(long due) throws Exception {
        long n = serial.incrementAndGet();
        String[] areas = {"206", "213", "303", "512", "602", "702", "801", "813", "919", "972"};
        var body = String.format(
                "{\"id\":\"soak-%s-%d\",\"type\":\"INQUIRY\",\"occurredAt\":\"%s\",\"email\":\"lead-%s-%d@soak.example\","
                        + "\"name\":\"Lead %d\",\"phone\":\"+1 %s 555 %04d\",\"company\":\"Inbound %d\","
                        + "\"message\":\"Please call me about pricing\"}",
                run, n, Instant.now(), run, n, n, areas[(int) (n % areas.length)], (n / areas.length) % 10_000, n % 300);
        long t = Instant.now().getEpochSecond();
        var request = HttpRequest.newBuilder(URI.create(bases.get(next(bases.size())) + "/api/v1/signals"))
                .header("Content-Type", "application/json")
                .header("FollowThrough-Signature", "t=" + t + ",v1=" + hmac(secret, t + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        send("inquiry", due, api, request, 202);
    }

    static void call(long due) throws Exception {
        int r = ThreadLocalRandom.current().nextInt(reps.size());
        var base = bases.get(next(bases.size()));
        var prospect = target(r, base);
        if (prospect == null) {
            record("call", due, -1, "no prospect to call");
            return;
        }
        var outcomes = new String[] {"NO_ANSWER", "NO_ANSWER", "NO_ANSWER", "VOICEMAIL", "VOICEMAIL", "GATEKEEPER"};
        var body = "{\"outcome\":\"" + outcomes[ThreadLocalRandom.current().nextInt(outcomes.length)]
                + "\",\"durationSeconds\":" + ThreadLocalRandom.current().nextInt(5, 60) + ",\"notes\":\"soak\"}";
        var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/prospects/" + prospect + "/calls"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + reps.get(r).token())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        send("call", due, api, request, 201);
    }

    /** A prospect of the rep to call: one still NEW (not called yet) if there is one, else any of theirs. */
    static String target(int r, String base) throws Exception {
        var queue = candidates.computeIfAbsent(r, k -> new ConcurrentLinkedDeque<>());
        var id = queue.poll();
        if (id != null) {
            return id;
        }
        synchronized (queue) {
            id = queue.poll();
            if (id != null) {
                return id;
            }
            for (var filter : List.of("stage=NEW&size=100", "size=100&page=" + ThreadLocalRandom.current().nextInt(3))) {
                var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/prospects?" + filter))
                        .header("Authorization", "Bearer " + reps.get(r).token())
                        .build();
                var answer = send("api-read", System.nanoTime(), api, request, 200);
                if (answer != null) {
                    Matcher m = ID.matcher(answer);
                    var ids = new ArrayList<String>();
                    while (m.find()) {
                        ids.add(m.group(1));
                    }
                    Collections.shuffle(ids);
                    queue.addAll(ids);
                }
                id = queue.poll();
                if (id != null) {
                    return id;
                }
            }
            return null;
        }
    }

    static void page(long due, int n) throws Exception {
        var paths = List.of("/today", "/prospects", "/numbers");
        var path = paths.get(n % paths.size());
        int i = next(bases.size());
        int r = ThreadLocalRandom.current().nextInt(reps.size());
        var request = HttpRequest.newBuilder(URI.create(bases.get(i) + path)).build();
        send("page " + path, due, sessions[i][r], request, 200);
    }

    static void importCsv(long due, int rows) throws Exception {
        int r = ThreadLocalRandom.current().nextInt(reps.size());
        var base = bases.get(next(bases.size()));
        String[] areas = {"212", "312", "415", "617", "646", "718", "202", "305", "404", "503"};
        var csv = new StringBuilder("Email,First Name,Last Name,Phone,Company,Country\n");
        for (int k = 0; k < rows; k++) {
            long n = serial.incrementAndGet();
            csv.append(String.format("imported-%s-%d@soak.example,Imported,Person %d,+1 %s 555 %04d,Imported %d,US%n",
                    run, n, n, areas[(int) (n % areas.length)], (n / areas.length) % 10_000, n % 200));
        }
        var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/imports"))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + reps.get(r).token())
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                .build();
        var answer = send("import", due, api, request, 202);
        if (answer == null) {
            return;
        }
        var location = answer.replaceAll("(?s).*\"location\":\"([^\"]+)\".*", "$1");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            TimeUnit.SECONDS.sleep(1);
            var poll = HttpRequest.newBuilder(URI.create(base + location))
                    .header("Authorization", "Bearer " + reps.get(r).token())
                    .build();
            var status = send("api-read", System.nanoTime(), api, poll, 200);
            if (status == null || status.contains("\"status\":\"RUNNING\"")) {
                continue;
            }
            if (!status.contains("\"status\":\"DONE\"") || !status.contains("\"imported\":" + rows + ",")) {
                fail("import", due, "import ended as " + status.substring(0, Math.min(300, status.length())));
            }
            return;
        }
        fail("import", due, "import " + location + " still running after 5 minutes");
    }

    /** Sends and times the request from the moment it was due; null unless it answered the expected status. */
    static String send(String kind, long due, HttpClient client, HttpRequest request, int expected) {
        var timed = HttpRequest.newBuilder(request, (n, v) -> true)
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            var response = client.send(timed, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                record(kind, due, -1, request.method() + " " + request.uri().getPath() + " answered "
                        + response.statusCode() + ": " + response.body().substring(0, Math.min(300, response.body().length())));
                return null;
            }
            record(kind, due, System.nanoTime() - due, null);
            return response.body();
        } catch (IOException | InterruptedException e) {
            record(kind, due, -1, request.method() + " " + request.uri().getPath() + ": " + e);
            return null;
        }
    }

    static String key(String kind, int window) {
        return window + "|" + kind;
    }

    static int window(long at) {
        return (int) Math.min(windows - 1, Math.max(0, (at - start) / windowNanos));
    }

    static void record(String kind, long due, long nanos, String failure) {
        var key = key(kind, window(due));
        if (failure == null) {
            latencies.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
        } else {
            fail(kind, due, failure);
        }
    }

    static void fail(String kind, long due, String failure) {
        failures.computeIfAbsent(key(kind, window(due)), k -> new AtomicInteger()).incrementAndGet();
        var list = samples.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>()));
        if (list.size() < 5) {
            list.add(failure);
        }
    }

    /** A session of the rep on one instance: the sign-in form's CSRF token, the form posted, the cookie kept. */
    static HttpClient signIn(String base, String email, String password) throws Exception {
        var client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        var form = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        var csrf = form.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        var body = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        var answer = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        var today = client.send(
                HttpRequest.newBuilder(URI.create(base + "/today")).build(), HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() != 302 || today.statusCode() != 200) {
            throw new IllegalStateException(email + " could not sign in on " + base + ": " + answer.statusCode()
                    + " then /today " + today.statusCode());
        }
        return client;
    }

    /** A full collection on every instance, and the heap it left according to the instance's GC log. */
    static List<Heap> collect(List<String> pids, List<Path> gcLogs) {
        var heaps = new ArrayList<Heap>();
        for (int i = 0; i < pids.size(); i++) {
            try {
                var jcmd = new ProcessBuilder("jcmd", pids.get(i), "GC.run")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                jcmd.waitFor(2, TimeUnit.MINUTES);
                double after = Double.NaN, capacity = Double.NaN;
                int full = 0;
                for (var line : Files.readAllLines(gcLogs.get(i))) {
                    Matcher m = FULL.matcher(line);
                    if (m.find()) {
                        if (m.group(1).startsWith("Diagnostic Command") || m.group(1).startsWith("System.gc")) {
                            after = mb(m.group(4), m.group(5));
                            capacity = mb(m.group(6), m.group(7));
                        } else {
                            full++;
                        }
                    }
                }
                heaps.add(new Heap(after, capacity, full));
            } catch (Exception e) {
                heaps.add(new Heap(Double.NaN, Double.NaN, -1));
            }
        }
        return heaps;
    }

    static double mb(String amount, String unit) {
        double n = Double.parseDouble(amount);
        return switch (unit) {
            case "K" -> n / 1024;
            case "G" -> n * 1024;
            default -> n;
        };
    }

    static String describe(List<Heap> heaps) {
        return String.join(" / ", heaps.stream().map(h -> String.format("%.0f", h.afterMb())).toList());
    }

    static String readMail(Path counts) {
        try {
            return Files.readString(counts).strip().split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    static int report(Map<Integer, List<Heap>> heaps, Map<Integer, String> mail, Path results) throws IOException {
        long windowSeconds = TimeUnit.NANOSECONDS.toSeconds(windowNanos);
        var csv = new StringBuilder("window_start_min,kind,count,errors,p50_ms,p99_ms,max_ms\n");
        var p99 = new double[windows][KINDS.size()];
        int errors = 0;
        System.out.println();
        System.out.println("p99 in ms per window (requests, errors when any):");
        System.out.println("| minutes | " + String.join(" | ", KINDS) + " |");
        System.out.println("| --- |" + " ---: |".repeat(KINDS.size()));
        for (int w = 0; w < windows; w++) {
            var row = new StringBuilder(String.format("| %d–%d |", w * windowSeconds / 60, (w + 1) * windowSeconds / 60));
            for (int k = 0; k < KINDS.size(); k++) {
                var kind = KINDS.get(k);
                var list = new ArrayList<>(latencies.getOrDefault(key(kind, w), List.of()));
                Collections.sort(list);
                int failed = failures.getOrDefault(key(kind, w), new AtomicInteger()).get();
                errors += failed;
                p99[w][k] = ms(list, 0.99);
                row.append(String.format(" %.0f (%d%s) |", p99[w][k], list.size() + failed, failed > 0 ? ", " + failed + " errors" : ""));
                csv.append(String.format("%d,%s,%d,%d,%.1f,%.1f,%.1f%n", w * windowSeconds / 60, kind, list.size() + failed,
                        failed, ms(list, 0.5), p99[w][k], list.isEmpty() ? Double.NaN : list.get(list.size() - 1) / 1e6));
            }
            System.out.println(row);
        }
        Files.writeString(results, csv);

        System.out.println();
        System.out.println("whole run per kind:");
        for (var kind : KINDS) {
            var list = new ArrayList<Long>();
            int failed = 0;
            for (int w = 0; w < windows; w++) {
                list.addAll(latencies.getOrDefault(key(kind, w), List.of()));
                failed += failures.getOrDefault(key(kind, w), new AtomicInteger()).get();
            }
            Collections.sort(list);
            System.out.printf("  %-16s %6d requests, %d errors, p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", kind,
                    list.size() + failed, failed, ms(list, 0.5), ms(list, 0.99), list.isEmpty() ? Double.NaN : list.get(list.size() - 1) / 1e6);
            for (var sample : samples.getOrDefault(kind, List.of())) {
                System.out.println("      e.g. " + sample);
            }
        }

        System.out.println();
        System.out.println("heap after a full collection (MB), emails received by the SMTP server so far:");
        int instances = heaps.get(0).size();
        var header = new StringBuilder("| after minute |");
        for (int i = 1; i <= instances; i++) {
            header.append(" instance ").append(i).append(" |");
        }
        System.out.println(header + " emails received |");
        System.out.println("| ---: |" + " ---: |".repeat(instances + 1));
        for (var entry : heaps.entrySet()) {
            var row = new StringBuilder(String.format("| %d |", Math.min(entry.getKey() * windowSeconds, (long) (windows * windowSeconds)) / 60));
            for (var heap : entry.getValue()) {
                row.append(String.format(" %.0f of %.0f |", heap.afterMb(), heap.capacityMb()));
            }
            System.out.println(row + " " + mail.get(entry.getKey()) + " |");
        }
        var last = heaps.get(windows);
        for (int i = 0; i < instances; i++) {
            System.out.printf("  instance %d: %d full collections not asked for%n", i + 1, last.get(i).fullCollections());
        }

        // Flat: the heap left after the last window not more than 10% above the one after the first window (the
        // first window warms caches and pools up), and the least-squares slope over those windows.
        System.out.println();
        if (windows < 3) {
            System.out.println("heap: fewer than 3 windows, too short to judge flatness");
        } else {
            for (int i = 0; i < instances; i++) {
                double first = heaps.get(1).get(i).afterMb(), end = last.get(i).afterMb();
                double slope = slope(heaps, i, windowSeconds);
                System.out.printf(
                        "heap, instance %d: %.0f MB after window 1, %.0f MB after window %d (%+.0f%%), slope %+.1f MB/hour: %s%n",
                        i + 1, first, end, windows, 100 * (end - first) / first, slope,
                        end <= first * 1.10 ? "flat (not more than 10% above)" : "GROWING (more than 10% above)");
            }
            // Steady: every kind's p99 in the last window within twice its p99 in the second window
            var unsteady = new ArrayList<String>();
            for (int k = 0; k < KINDS.size(); k++) {
                if (p99[windows - 1][k] > 2 * p99[1][k]) {
                    unsteady.add(String.format("%s %.0f -> %.0f ms", KINDS.get(k), p99[1][k], p99[windows - 1][k]));
                }
            }
            System.out.println("p99: " + (unsteady.isEmpty()
                    ? "steady (every kind's last window within 2x of its second window)"
                    : "NOT steady: " + String.join(", ", unsteady)));
        }
        System.out.println("errors: " + errors);
        return errors > 0 ? 1 : 0;
    }

    /** Least-squares slope of the heap after each window from window 1 on, in MB per hour. */
    static double slope(Map<Integer, List<Heap>> heaps, int instance, long windowSeconds) {
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int w = 1; w <= windows; w++) {
            double x = w * windowSeconds / 3600.0, y = heaps.get(w).get(instance).afterMb();
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    static double ms(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size()))) / 1e6;
    }

    static String hmac(String key, String text) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String env(String name, String otherwise) {
        var value = System.getenv(name);
        if (value == null || value.isBlank()) {
            if (otherwise == null) {
                throw new IllegalArgumentException(name + " is not set");
            }
            return otherwise;
        }
        return value;
    }
}
