package org.followthrough.timing.web;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.followthrough.timing.PunctualityProbes;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators measure the punctuality of timed work on this installation. */
@RestController
@RequestMapping("/api/v1/admin/timed-actions/probes")
@PreAuthorize("hasRole('ADMIN')")
class ProbeController {

    record ProbeRequest(int count, int withinSeconds) {}

    private final PunctualityProbes probes;

    ProbeController(PunctualityProbes probes) {
        this.probes = probes;
    }

    @PostMapping
    ResponseEntity<PunctualityProbes.Report> start(@RequestBody ProbeRequest request) {
        var runId = probes.start(request.count(), Duration.ofSeconds(request.withinSeconds()));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/admin/timed-actions/probes/" + runId))
                .body(probes.report(runId));
    }

    @GetMapping("/{runId}")
    PunctualityProbes.Report report(@PathVariable UUID runId) {
        return probes.report(runId);
    }
}
