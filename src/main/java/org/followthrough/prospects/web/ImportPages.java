package org.followthrough.prospects.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.followthrough.common.Refusal;
import org.followthrough.prospects.ImportStatus;
import org.followthrough.prospects.ProspectImports;
import org.followthrough.team.Actor;
import org.followthrough.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Import a CSV (the same service as {@code POST /api/v1/imports}) and watch it run: a progress bar
 * the page polls while the import is RUNNING, the counts, the first rejected rows and the full
 * report as CSV. The export of the prospects the member may see is linked from here too.
 */
@Controller
@Page
class ImportPages {

    /**
     * The progress bar's value and maximum: rows when the total is known, else bytes read. A finished
     * import fills the bar; a failed one shows how far it got (nothing, when the file could not be read).
     */
    record Progress(ImportStatus status, long value, long max, boolean running, int percent) {
        static Progress of(ImportStatus s) {
            boolean running = "RUNNING".equals(s.status());
            long max = s.total() > 0 ? s.total() : Math.max(1, s.bytesTotal());
            long value = s.total() > 0 ? s.processed() : s.bytesRead();
            if ("DONE".equals(s.status())) {
                value = max;
            } else if (!running) {
                value = s.total() > 0 ? s.processed() : 0;
            }
            value = Math.min(value, max);
            return new Progress(s, value, max, running, (int) (value * 100 / max));
        }
    }

    private final ProspectImports imports;
    private final ImportErrorReport errorReport;

    ImportPages(ProspectImports imports, ImportErrorReport errorReport) {
        this.imports = imports;
        this.errorReport = errorReport;
    }

    @GetMapping("/imports")
    String form(Model model) {
        model.addAttribute("errors", Map.of());
        return "imports/upload";
    }

    @PostMapping("/imports")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Actor actor, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("errors", Map.of("file", "Choose a CSV file exported from your CRM or a spreadsheet."));
            return "imports/upload";
        }
        UUID id;
        try (var in = file.getInputStream()) {
            id = imports.start(actor, file.getOriginalFilename(), in);
        }
        return "redirect:/imports/" + id;
    }

    @GetMapping("/imports/{id}")
    String one(@PathVariable UUID id, Actor actor, Model model) {
        model.addAttribute("progress", Progress.of(status(actor, id)));
        return "imports/progress";
    }

    /** Polled every 500 ms while RUNNING; the finished fragment carries no polling, so it stops. */
    @GetMapping("/imports/{id}/progress")
    String progress(@PathVariable UUID id, Actor actor, Model model) {
        model.addAttribute("progress", Progress.of(status(actor, id)));
        return "imports/progress :: progress";
    }

    @GetMapping(value = "/imports/{id}/errors.csv", produces = "text/csv")
    void errorReport(@PathVariable UUID id, Actor actor, HttpServletResponse response) throws IOException {
        errorReport.write(actor, id, response);
    }

    private ImportStatus status(Actor actor, UUID id) {
        return imports.status(actor, id).orElseThrow(() -> Refusal.notFound("import", id));
    }
}
