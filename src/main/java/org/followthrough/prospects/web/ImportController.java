package org.followthrough.prospects.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.followthrough.common.Refusal;
import org.followthrough.prospects.ImportChoices;
import org.followthrough.prospects.ImportPreview;
import org.followthrough.prospects.ImportState;
import org.followthrough.prospects.ImportStatus;
import org.followthrough.prospects.ProspectImports;
import org.followthrough.team.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** CSV imports: upload a file (a text/csv body or a multipart "file"), then follow its progress. */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    record Started(UUID id, String status, String location) {}

    private final ProspectImports imports;
    private final ImportErrorReport errorReport;

    ImportController(ProspectImports imports, ImportErrorReport errorReport) {
        this.imports = imports;
        this.errorReport = errorReport;
    }

    @PostMapping(consumes = {"text/csv", "text/plain", "application/octet-stream"})
    @Operation(
            summary = "Import a CSV file: as the body, or as the part \"file\" of a form",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                                @Content(
                                        mediaType = "multipart/form-data",
                                        schemaProperties =
                                                @SchemaProperty(
                                                        name = "file",
                                                        schema = @Schema(type = "string", format = "binary")))
                            }))
    @ApiResponse(
            responseCode = "202",
            description = "started; follow it at Location",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Started.class)))
    ResponseEntity<Started> upload(
            Actor actor, HttpServletRequest request, @RequestParam(name = "name", required = false) String name)
            throws IOException {
        return started(imports.start(actor, name == null ? "upload.csv" : name, request.getInputStream()));
    }

    @PostMapping(consumes = "multipart/form-data")
    @Hidden // described with upload, the same operation
    ResponseEntity<Started> uploadFile(Actor actor, @RequestPart("file") MultipartFile file) throws IOException {
        try (var in = file.getInputStream()) {
            return started(imports.start(actor, file.getOriginalFilename(), in));
        }
    }

    /** Uploads a file to map before importing it: the preview of its columns and first rows. */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(
            value = "/previews",
            consumes = {"text/csv", "text/plain", "application/octet-stream"})
    ResponseEntity<ImportPreview> preview(
            Actor actor, HttpServletRequest request, @RequestParam(name = "name", required = false) String name)
            throws IOException {
        return previewed(imports.upload(actor, name == null ? "upload.csv" : name, request.getInputStream()));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(value = "/previews", consumes = "multipart/form-data")
    ResponseEntity<ImportPreview> previewFile(Actor actor, @RequestPart("file") MultipartFile file) throws IOException {
        try (var in = file.getInputStream()) {
            return previewed(imports.upload(actor, file.getOriginalFilename(), in));
        }
    }

    @GetMapping("/previews/{id}")
    ImportPreview previewAgain(Actor actor, @PathVariable UUID id) throws IOException {
        return imports.preview(actor, id, null);
    }

    record Mapping(Map<String, String> columns) {}

    /** The preview with columns corrected: {@code {"columns": {"Header": "field" or "-"}}}. */
    @PostMapping("/previews/{id}/mapping")
    ImportPreview mapping(Actor actor, @PathVariable UUID id, @RequestBody Mapping mapping) throws IOException {
        return imports.preview(actor, id, mapping.columns() == null ? Map.of() : mapping.columns());
    }

    /** Imports the previewed file with the choices made: columns, owner, next step, duplicates. */
    @PostMapping("/previews/{id}/start")
    ResponseEntity<Started> startPreviewed(
            Actor actor, @PathVariable UUID id, @RequestBody(required = false) ImportChoices choices)
            throws IOException {
        return started(imports.start(actor, id, choices == null ? ImportChoices.DEFAULT : choices));
    }

    @GetMapping("/{id}")
    ImportStatus status(Actor actor, @PathVariable UUID id) {
        return imports.status(actor, id).orElseThrow(() -> Refusal.notFound("import", id));
    }

    /** Every rejected row as CSV, to fix in a spreadsheet and import again, and every value set aside. */
    @GetMapping(value = "/{id}/errors", produces = "text/csv")
    @ApiResponse(
            responseCode = "200",
            description = "every rejected row and every value set aside on an imported row (Row, Column, Problem,"
                    + " Outcome)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    void errors(Actor actor, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        errorReport.write(actor, id, response);
    }

    private static ResponseEntity<ImportPreview> previewed(ImportPreview preview) {
        return ResponseEntity.created(URI.create("/api/v1/imports/previews/" + preview.id()))
                .body(preview);
    }

    private static ResponseEntity<Started> started(UUID id) {
        var location = "/api/v1/imports/" + id;
        return ResponseEntity.accepted()
                .location(URI.create(location))
                .body(new Started(id, ImportState.RUNNING.name(), location));
    }
}
