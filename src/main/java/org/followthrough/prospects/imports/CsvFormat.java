package org.followthrough.prospects.imports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How a CSV file is written, read off its first bytes the way a spreadsheet would: the encoding
 * (UTF-8 with or without BOM, UTF-16 with BOM as Excel's "Unicode text", else Windows-1252) and the
 * delimiter (comma, semicolon or tab, whichever the header uses most outside quotes).
 */
public record CsvFormat(Charset charset, int bomLength, char delimiter) {

    /** A file that is not CSV at all, with what the person should do instead. */
    public static final class NotCsv extends Exception {
        public NotCsv(String message) {
            super(message);
        }
    }

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public static CsvFormat sniff(byte[] head) throws NotCsv {
        if (head.length == 0) {
            throw new NotCsv("The file is empty; export the prospects again with a header row.");
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            throw new NotCsv(
                    "This is an Excel workbook or a zip file, not CSV; save it as CSV (UTF-8) and upload that.");
        }
        Charset charset;
        int bom = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (head.length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (head.length >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else {
            if (looksBinary(head)) {
                throw new NotCsv("This file holds binary data, not text; upload a CSV file.");
            }
            charset = isUtf8(head) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        var text = new String(head, bom, head.length - bom, charset);
        return new CsvFormat(charset, bom, delimiterOf(text));
    }

    private static boolean looksBinary(byte[] head) {
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
            if (b > 0 && b < 32 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return control > head.length / 20;
    }

    private static boolean isUtf8(byte[] head) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var out = CharBuffer.allocate(head.length);
        // the sample may end inside a character: only what was decoded completely counts
        var result = decoder.decode(ByteBuffer.wrap(head), out, false);
        if (result.isError()) {
            return false;
        }
        try {
            decoder.flush(out);
            return true;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /**
     * The same format read as Windows-1252 when it was taken for UTF-8 without a BOM but the whole file,
     * not only its first bytes, is not UTF-8: an export whose first accented name comes late is read as
     * written instead of every such name turning into "M\uFFFDller".
     */
    public CsvFormat confirmedBy(java.io.InputStream wholeFile) throws java.io.IOException {
        if (!charset.equals(StandardCharsets.UTF_8) || bomLength > 0 || isUtf8(wholeFile)) {
            return this;
        }
        return new CsvFormat(WINDOWS_1252, 0, delimiter);
    }

    private static boolean isUtf8(java.io.InputStream in) throws java.io.IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var bytes = ByteBuffer.allocate(64 * 1024);
        var chars = CharBuffer.allocate(64 * 1024);
        int n;
        while ((n = in.read(bytes.array(), bytes.position(), bytes.remaining())) >= 0) {
            bytes.position(bytes.position() + n);
            bytes.flip();
            // runs of ASCII (most of most files) are UTF-8 as they stand and are stepped over; the decoder is
            // given each other character, a few at a time, and keeps no state of its own between calls (a
            // character cut by the block's end stays in the buffer for the next block)
            while (bytes.hasRemaining()) {
                bytes.position(afterAscii(bytes.array(), bytes.position(), bytes.limit()));
                if (!bytes.hasRemaining()) {
                    break;
                }
                var result = decoder.decode(bytes, chars.clear().limit(FEW), false);
                if (result.isError()) {
                    return false;
                }
                if (result.isUnderflow()) {
                    break; // the rest is a cut character
                }
            }
            chars.clear();
            // a character cut by the block's end waits for the next block
            bytes.compact();
        }
        bytes.flip();
        return !decoder.decode(bytes, chars, true).isError()
                && !decoder.flush(chars).isError();
    }

    /** How many characters the decoder is given at a time past a run of ASCII. */
    private static final int FEW = 8;

    /** The index of the first byte from {@code from} that is not ASCII, {@code to} when there is none. */
    private static int afterAscii(byte[] bytes, int from, int to) {
        // eight bytes at a time: any byte with its high bit set is not ASCII
        int i = from;
        while (i + 8 <= to && ((long) LONGS.get(bytes, i) & 0x8080808080808080L) == 0) {
            i += 8;
        }
        while (i < to && bytes[i] >= 0) {
            i++;
        }
        return i;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** The candidate the header row uses most outside quotes; a comma when none appears. */
    static char delimiterOf(String text) {
        char best = ',';
        int bestCount = 0;
        for (char candidate : new char[] {',', ';', '\t'}) {
            int count = countInFirstRecord(text, candidate);
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private static int countInFirstRecord(String text, char candidate) {
        boolean quoted = false;
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                return count;
            } else if (!quoted && c == candidate) {
                count++;
            }
        }
        return count;
    }

    /** For tests and messages: the charset's everyday name. */
    public String describe() {
        var name = charset.equals(WINDOWS_1252) ? "Windows-1252" : charset.name();
        var sep = delimiter == '\t' ? "tab" : delimiter == ';' ? "semicolon" : "comma";
        return name + (bomLength > 0 ? " with BOM" : "") + ", " + sep + "-separated";
    }
}
