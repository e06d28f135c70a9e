package org.followthrough.prospects.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.prospects.ImportChoices;
import org.followthrough.prospects.ImportPreview;
import org.followthrough.prospects.ImportState;
import org.followthrough.prospects.ImportStatus;
import org.followthrough.prospects.ProspectImports;
import org.followthrough.team.Actor;
import org.followthrough.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
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
            boolean running = ImportState.RUNNING.name().equals(s.status());
            long max = s.total() > 0 ? s.total() : Math.max(1, s.bytesTotal());
            long value = s.total() > 0 ? s.processed() : s.bytesRead();
            if (ImportState.DONE.name().equals(s.status())) {
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

    /** Uploads a file to check and map before importing it. */
    @PostMapping("/imports/preview")
    String preview(@RequestParam(name = "file", required = false) MultipartFile file, Actor actor, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("errors", Map.of("file", "Choose a CSV file exported from your CRM or a spreadsheet."));
            return "imports/upload";
        }
        ImportPreview preview;
        try (var in = file.getInputStream()) {
            preview = imports.upload(actor, file.getOriginalFilename(), in);
        } catch (InvalidInput unreadable) {
            model.addAttribute("errors", errorsOf(unreadable));
            return "imports/upload";
        }
        return previewPage(model, preview, ImportChoices.DEFAULT, Map.of());
    }

    /** The preview again with the columns as corrected in the form. */
    @PostMapping("/imports/previews/{id}")
    String previewAgain(
            @PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Actor actor, Model model)
            throws IOException {
        var first = imports.preview(actor, id, null);
        var choices = choices(form, first);
        try {
            return previewPage(model, imports.preview(actor, id, choices.columns()), choices, Map.of());
        } catch (InvalidInput wrong) {
            return previewPage(model, first, choices, errorsOf(wrong));
        }
    }

    /** Imports the previewed file with the form's columns and choices, then shows its progress. */
    @PostMapping("/imports/previews/{id}/start")
    String start(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Actor actor, Model model)
            throws IOException {
        var preview = imports.preview(actor, id, null);
        var choices = choices(form, preview);
        try {
            imports.start(actor, id, choices);
        } catch (InvalidInput wrong) {
            return previewPage(model, preview, choices, errorsOf(wrong));
        }
        return "redirect:/imports/" + id;
    }

    private static String previewPage(
            Model model, ImportPreview preview, ImportChoices choices, Map<String, String> errors) {
        model.addAttribute("preview", preview);
        model.addAttribute("choices", choices);
        model.addAttribute("errors", errors);
        return "imports/preview";
    }

    /** The form's choices: each column's field by its position in the file, the owner, next step and duplicates. */
    private static ImportChoices choices(MultiValueMap<String, String> form, ImportPreview preview) {
        var columns = new java.util.LinkedHashMap<String, String>();
        for (var column : preview.columns()) {
            var chosen = form.getFirst("field-" + column.index());
            if (chosen == null) {
                continue;
            }
            var was = column.field() == null ? "-" : column.field();
            if (!chosen.equals(was) || preview.remembered()) {
                columns.put(column.header(), chosen);
            }
        }
        var match = new java.util.HashSet<ImportChoices.Match>();
        match.add(ImportChoices.Match.EMAIL);
        for (var m : form.getOrDefault("matchBy", java.util.List.of())) {
            enumOf(ImportChoices.Match.class, m).ifPresent(match::add);
        }
        return new ImportChoices(
                columns,
                enumOf(ImportChoices.Owner.class, form.getFirst("owner")).orElse(ImportChoices.Owner.COLUMN),
                form.getFirst("next"),
                match,
                enumOf(ImportChoices.Duplicates.class, form.getFirst("duplicates"))
                        .orElse(ImportChoices.Duplicates.UPDATE));
    }

    private static <E extends Enum<E>> java.util.Optional<E> enumOf(Class<E> type, String value) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static Map<String, String> errorsOf(InvalidInput invalid) {
        var errors = new java.util.LinkedHashMap<String, String>();
        invalid.problems().forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + " " + b));
        return errors;
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
