package org.followthrough.messaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small authoritative DNS server on 127.0.0.1 speaking the real wire protocol over UDP (RFC 1035
 * §4): it answers the questions a resolver sends with the TXT, A and MX records a test publishes,
 * NXDOMAIN for a name it does not know, and nothing at all while {@link #silent} (a DNS server that
 * cannot be reached). Long TXT values are split into character-strings of at most 255 bytes, as
 * DNS zone tools publish a 2048-bit DKIM key.
 */
final class DnsResponder implements AutoCloseable {

    static final int TXT = 16;
    static final int A = 1;
    static final int MX = 15;

    private final DatagramSocket socket;
    private final Map<String, Map<Integer, List<byte[]>>> zone = new ConcurrentHashMap<>();
    private volatile boolean silent;
    private final List<String> asked = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;

    DnsResponder() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "test-dns");
        thread.setDaemon(true);
        thread.start();
    }

    /** {@code 127.0.0.1:<port>}, as {@code followthrough.mail.dns.server} takes it. */
    String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /** Forgets every record and every question, and answers again. */
    void clear() {
        zone.clear();
        asked.clear();
        silent = false;
    }

    /** The names asked about, answered or not, oldest first. */
    List<String> asked() {
        return List.copyOf(asked);
    }

    /** While true, queries get no answer. */
    void silent(boolean silent) {
        this.silent = silent;
    }

    /** Publishes a TXT record, split into character-strings of 255 bytes at most. */
    void txt(String name, String value) {
        var bytes = value.getBytes(StandardCharsets.US_ASCII);
        var rdata = new ByteArrayOutputStream();
        for (int i = 0; i < bytes.length; i += 255) {
            int n = Math.min(255, bytes.length - i);
            rdata.write(n);
            rdata.write(bytes, i, n);
        }
        add(name, TXT, rdata.toByteArray());
    }

    void a(String name, String ipv4) throws IOException {
        add(name, A, InetAddress.getByName(ipv4).getAddress());
    }

    void mx(String name, int preference, String exchange) {
        var rdata = new ByteArrayOutputStream();
        rdata.write(preference >> 8);
        rdata.write(preference & 0xff);
        writeName(rdata, exchange);
        add(name, MX, rdata.toByteArray());
    }

    private void add(String name, int type, byte[] rdata) {
        zone.computeIfAbsent(key(name), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(type, t -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(rdata);
    }

    private void serve() {
        var buffer = new byte[1500];
        while (!socket.isClosed()) {
            try {
                var packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                asked.add(name(packet.getData()));
                if (silent) {
                    continue;
                }
                var answer = answer(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException | RuntimeException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    /** The response to one query: the question echoed, then the records of its name and type. */
    private byte[] answer(byte[] query) {
        int pos = 12;
        var labels = new ArrayList<String>();
        while (query[pos] != 0) {
            int len = query[pos] & 0xff;
            labels.add(new String(query, pos + 1, len, StandardCharsets.US_ASCII));
            pos += len + 1;
        }
        pos++;
        int type = ((query[pos] & 0xff) << 8) | (query[pos + 1] & 0xff);
        int questionEnd = pos + 4;
        var name = String.join(".", labels).toLowerCase(Locale.ROOT);
        var records = zone.get(name);
        var answers = records == null ? List.<byte[]>of() : records.getOrDefault(type, List.of());
        var out = new ByteArrayOutputStream();
        out.write(query[0]); // the id
        out.write(query[1]);
        out.write(0x84 | (query[2] & 0x01)); // a response, authoritative, recursion desired as asked
        out.write(0x80 | (records == null ? 3 : 0)); // recursion available; NXDOMAIN for an unknown name
        writeShort(out, 1);
        writeShort(out, answers.size());
        writeShort(out, 0);
        writeShort(out, 0);
        out.write(query, 12, questionEnd - 12);
        for (var rdata : List.copyOf(answers)) {
            writeShort(out, 0xC00C); // the name: a pointer to the question's
            writeShort(out, type);
            writeShort(out, 1); // IN
            writeShort(out, 0);
            writeShort(out, 60); // TTL
            writeShort(out, rdata.length);
            out.write(rdata, 0, rdata.length);
        }
        return out.toByteArray();
    }

    private static String name(byte[] query) {
        var labels = new ArrayList<String>();
        for (int pos = 12; query[pos] != 0; pos += (query[pos] & 0xff) + 1) {
            labels.add(new String(query, pos + 1, query[pos] & 0xff, StandardCharsets.US_ASCII));
        }
        return String.join(".", labels).toLowerCase(Locale.ROOT);
    }

    private static void writeName(ByteArrayOutputStream out, String name) {
        for (var label : key(name).split("\\.")) {
            var bytes = label.getBytes(StandardCharsets.US_ASCII);
            out.write(bytes.length);
            out.write(bytes, 0, bytes.length);
        }
        out.write(0);
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write((value >> 8) & 0xff);
        out.write(value & 0xff);
    }

    private static String key(String name) {
        var n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    @Override
    public void close() {
        socket.close();
    }
}
