package org.followthrough.prospects.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The whole file settles UTF-8 or Windows-1252, wherever its first byte past ASCII falls: in the first block, on the
 * edge between two blocks of the pass (a character cut in two), or far into the file.
 */
class CsvFormatTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Test
    void aFileIsUtf8ExactlyWhenEveryBlockOfItIs() throws Exception {
        var head = "First Name,Last Name\n".getBytes(StandardCharsets.US_ASCII);
        var sniffed = CsvFormat.sniff(head);
        for (int at : new int[] {30, 65_535, 65_536, 65_537, 131_071, 200_000}) {
            for (var name : new String[] {"Müller", "Łukasz", "名前", "😀"}) {
                assertThat(charsetOf(sniffed, file(at, name, StandardCharsets.UTF_8)))
                        .as(name + " at " + at + " in UTF-8")
                        .isEqualTo(StandardCharsets.UTF_8);
            }
            assertThat(charsetOf(sniffed, file(at, "Müller", WINDOWS_1252)))
                    .as("Müller at " + at + " in Windows-1252")
                    .isEqualTo(WINDOWS_1252);
            // a character of UTF-8 cut off by the end of the file is no UTF-8
            var cut = file(at, "", StandardCharsets.UTF_8);
            var withHalf = java.util.Arrays.copyOf(cut, cut.length + 1);
            withHalf[cut.length] = (byte) 0xC3;
            assertThat(charsetOf(sniffed, withHalf))
                    .as("half a character at the end")
                    .isEqualTo(WINDOWS_1252);
        }
        assertThat(charsetOf(sniffed, file(100_000, "", StandardCharsets.UTF_8)))
                .isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aFileWithCharactersPastAsciiOnEveryRowIsUtf8UntilOneByteIsNot() throws Exception {
        var sniffed = CsvFormat.sniff("First Name,Last Name\n".getBytes(StandardCharsets.US_ASCII));
        var rows = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 30_000; i++) {
            rows.writeBytes(("Zoë,Müller-Łukasz 名前 😀 €" + i + "\n").getBytes(StandardCharsets.UTF_8));
        }
        var file = rows.toByteArray();
        assertThat(charsetOf(sniffed, file)).isEqualTo(StandardCharsets.UTF_8);
        for (int at : new int[] {5, 65_536, 400_001, file.length - 2}) {
            var broken = file.clone();
            broken[at] = (byte) 0xFF; // never part of UTF-8
            assertThat(charsetOf(sniffed, broken)).as("a stray byte at " + at).isEqualTo(WINDOWS_1252);
            if (file[at] >= 0) {
                var alone = file.clone();
                alone[at] = (byte) 0x80; // a continuation byte where no character began
                assertThat(charsetOf(sniffed, alone))
                        .as("a lone continuation byte at " + at)
                        .isEqualTo(WINDOWS_1252);
            }
        }
    }

    private static Charset charsetOf(CsvFormat sniffed, byte[] file) throws IOException {
        return sniffed.confirmedBy(new ByteArrayInputStream(file)).charset();
    }

    /** ASCII rows with {@code name} written at byte {@code at}, then more ASCII. */
    private static byte[] file(int at, String name, Charset charset) {
        var out = new java.io.ByteArrayOutputStream();
        var row = "Ann,Lee\n".getBytes(StandardCharsets.US_ASCII);
        while (out.size() + row.length <= at) {
            out.writeBytes(row);
        }
        while (out.size() < at) {
            out.write('x');
        }
        out.writeBytes(name.getBytes(charset));
        for (int i = 0; i < 20_000; i++) {
            out.writeBytes(row);
        }
        return out.toByteArray();
    }
}
