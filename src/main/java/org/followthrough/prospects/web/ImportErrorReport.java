package org.followthrough.prospects.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.followthrough.common.Refusal;
import org.followthrough.prospects.ProspectImports;
import org.followthrough.prospects.imports.CsvCells;
import org.followthrough.team.Actor;
import org.springframework.stereotype.Component;

/**
 * Every rejected row of an import as CSV, to fix in a spreadsheet and import again, and every value set aside
 * on a row that was imported all the same (its outcome says which); API and page alike. The first three
 * columns are those the report always had.
 */
@Component
class ImportErrorReport {

    /** How the report marks a row the import refused. */
    static final String REJECTED = "rejected";
    /** How the report marks a value set aside on a row that was imported without it. */
    static final String WARNING = "warning: imported without this value";

    private final ProspectImports imports;

    ImportErrorReport(ProspectImports imports) {
        this.imports = imports;
    }

    void write(Actor actor, UUID id, HttpServletResponse response) throws IOException {
        imports.status(actor, id).orElseThrow(() -> Refusal.notFound("import", id));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"");
        try (var out = de.siegmar.fastcsv.writer.CsvWriter.builder()
                .build(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8))) {
            out.writeRecord("Row", "Column", "Problem", "Outcome");
            imports.report(
                    actor,
                    id,
                    e -> out.writeRecord(
                            String.valueOf(e.row()),
                            CsvCells.neutralise(e.column()),
                            CsvCells.neutralise(e.message()),
                            e.warning() ? WARNING : REJECTED));
        }
    }
}
