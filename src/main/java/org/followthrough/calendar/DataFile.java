package org.followthrough.calendar;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The calendar's rules shipped as data: CSV files with a header and {@code #} comments, in resources. */
final class DataFile {

    private DataFile() {}

    static List<NamedCsvRecord> read(String resource) {
        var stream = DataFile.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("the data file " + resource + " is missing from the build");
        }
        try (var reader = CsvReader.builder()
                .commentStrategy(CommentStrategy.SKIP)
                .skipEmptyLines(true)
                .ofNamedCsvRecord(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            var rows = new ArrayList<NamedCsvRecord>();
            reader.forEach(rows::add);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
