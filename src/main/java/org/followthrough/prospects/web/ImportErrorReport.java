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

/** Every rejected row of an import as CSV, to fix in a spreadsheet and import again; API and page alike. */
@Component
class ImportErrorReport {

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
            out.writeRecord("Row", "Column", "Problem");
            imports.errors(
                    actor,
                    id,
                    e -> out.writeRecord(
                            String.valueOf(e.row()),
                            CsvCells.neutralise(e.column()),
                            CsvCells.neutralise(e.message())));
        }
    }
}
