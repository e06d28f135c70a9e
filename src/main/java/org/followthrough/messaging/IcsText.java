package org.followthrough.messaging;

/** The text rules of iCalendar (RFC 5545 3.1 and 3.3.11) that a calendar library leaves to its caller. */
final class IcsText {

    /** A content line is at most 75 octets long, its line break excluded (RFC 5545 3.1). */
    static final int LINE_OCTETS = 75;

    private IcsText() {}

    /**
     * A TEXT value fit to be escaped: every line break (CRLF, CR or LF) one LF, which the writer
     * escapes as {@code \n}; other control characters, which a TEXT value may not hold, and lone
     * surrogates removed; tabs kept.
     */
    static String text(String value) {
        var lines = value.replace("\r\n", "\n").replace('\r', '\n');
        var out = new StringBuilder(lines.length());
        lines.codePoints()
                .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .filter(IcsText::whole)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** A one-line value such as a person's name in a CN parameter: line breaks and controls become spaces. */
    static String oneLine(String value) {
        var out = new StringBuilder(value.length());
        value.codePoints()
                .filter(IcsText::whole)
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .forEach(out::appendCodePoint);
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    /**
     * Folds every content line longer than 75 octets of UTF-8: the rest continues on the next line
     * after a CRLF and one space, never splitting a character (RFC 5545 3.1). Lines end in CRLF.
     */
    static String fold(String unfolded) {
        var out = new StringBuilder(unfolded.length() + unfolded.length() / 64 * 3);
        for (var line : unfolded.split("\r\n|\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int c = line.codePointAt(i);
                int size = utf8Octets(c);
                if (octets + size > LINE_OCTETS) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(c);
                octets += size;
                i += Character.charCount(c);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static int utf8Octets(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }

    /** Whether a code point can be written: no lone half of a surrogate pair. */
    private static boolean whole(int codePoint) {
        return codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE;
    }
}
