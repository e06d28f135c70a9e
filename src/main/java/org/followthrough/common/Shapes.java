package org.followthrough.common;

/**
 * The shapes of an email address and of a web domain, checked character by character: what the regular
 * expressions below accept, without a regular expression's matching per value (an import checks a million).
 *
 * <pre>
 * email:  [a-z0-9!#$%&amp;'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&amp;'*+/=?^_`{|}~-]+)*@DOMAIN
 * DOMAIN: ([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}
 * </pre>
 */
public final class Shapes {

    private Shapes() {}

    /** Whether the whole text is an email address of the shape above (lower-case only). */
    public static boolean email(String text) {
        int at = text.indexOf('@');
        if (at <= 0) {
            return false;
        }
        boolean afterAtom = false;
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (!afterAtom) {
                    return false;
                }
                afterAtom = false;
            } else if (atom(c)) {
                afterAtom = true;
            } else {
                return false;
            }
        }
        return afterAtom && domain(text, at + 1);
    }

    /** Whether the whole text is a web domain of the shape above (lower-case only). */
    public static boolean domain(String text) {
        return domain(text, 0);
    }

    /** Whether the text from {@code from} to its end is a domain: labels each followed by a dot, then letters. */
    private static boolean domain(String text, int from) {
        int labels = 0;
        int start = from;
        int end = text.length();
        while (true) {
            int dot = text.indexOf('.', start);
            if (dot < 0) {
                int length = end - start;
                if (labels == 0 || length < 2 || length > 63) {
                    return false;
                }
                for (int i = start; i < end; i++) {
                    char c = text.charAt(i);
                    if (c < 'a' || c > 'z') {
                        return false;
                    }
                }
                return true;
            }
            if (!label(text, start, dot)) {
                return false;
            }
            labels++;
            start = dot + 1;
        }
    }

    /** 1 to 63 of a-z, 0-9 and '-', neither first nor last a '-'. */
    private static boolean label(String text, int start, int end) {
        int length = end - start;
        if (length < 1 || length > 63 || text.charAt(start) == '-' || text.charAt(end - 1) == '-') {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean atom(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$%&'*+/=?^_`{|}~-".indexOf(c) >= 0;
    }
}
