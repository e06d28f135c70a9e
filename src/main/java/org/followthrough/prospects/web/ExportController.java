package org.followthrough.prospects.web;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.UUID;
import org.followthrough.prospects.ProspectSearch;
import org.followthrough.prospects.Stage;
import org.followthrough.prospects.imports.CsvCells;
import org.followthrough.team.Actor;
import org.followthrough.team.Member;
import org.followthrough.team.Team;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The prospects a member may see as CSV, in the columns the import reads, every cell safe to open in a
 * spreadsheet. UTF-8 with a BOM, so Excel shows names with accents correctly.
 */
@RestController
class ExportController {

    static final String[] HEADER = {
        "Full Name",
        "Title",
        "Email",
        "Phone",
        "Company",
        "Company Domain",
        "Industry",
        "Country",
        "Time Zone",
        "Decision Role",
        "Owner",
        "Stage",
        "Do Not Call",
        "Email Opt Out"
    };

    private final ProspectSearch search;
    private final Team team;

    ExportController(ProspectSearch search, Team team) {
        this.search = search;
        this.team = team;
    }

    /** Also at a path of the web UI, whose session cookie the stateless API does not accept. */
    @GetMapping(
            value = {"/api/v1/prospects/export", "/exports/prospects.csv"},
            produces = "text/csv")
    @ApiResponse(
            responseCode = "200",
            description = "every prospect the signed-in member may see, or those a search of the list finds",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    void export(
            Actor actor,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Stage stage,
            @RequestParam(required = false) String owner,
            HttpServletResponse response)
            throws IOException {
        // any search of the prospects list, as the list's own filters say it; checked before the first byte
        var filter = new ProspectSearch.Filter(stage, blankToNull(owner), blankToNull(q), 0, 1);
        search.list(actor, filter);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"prospects.csv\"");
        var owners = new HashMap<UUID, String>();
        var writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        try (var csv = CsvWriter.builder().build(writer)) {
            csv.writeRecord(HEADER);
            search.each(
                    actor,
                    filter,
                    p -> csv.writeRecord(
                            cell(p.fullName()),
                            cell(p.title()),
                            cell(p.email()),
                            cell(p.phoneE164()),
                            cell(p.company()),
                            cell(p.companyDomain()),
                            cell(p.industry()),
                            cell(p.country()),
                            cell(p.timeZone().getId()),
                            p.decisionRole().name(),
                            cell(owners.computeIfAbsent(
                                    p.ownerId(),
                                    id -> team.member(id).map(Member::email).orElse(""))),
                            p.stage().name(),
                            String.valueOf(p.doNotCall()),
                            String.valueOf(p.emailOptOut())));
        }
    }

    private static String cell(String value) {
        return CsvCells.neutralise(value);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
