package org.followthrough.messaging.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.followthrough.common.Refusal;
import org.followthrough.messaging.DefaultWording;
import org.followthrough.messaging.DefaultWordings;
import org.followthrough.messaging.EmailStatus;
import org.followthrough.messaging.Outbox;
import org.followthrough.messaging.OutboxEntry;
import org.followthrough.team.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Managers see what waits in the outbox and what went out; admins send test email to check SMTP. */
@RestController
class OutboxController {

    record TestEmail(@NotBlank String to, @Min(1) @Max(10_000) Integer count) {}

    private final Outbox outbox;
    private final TestEmails testEmails;
    private final DefaultWordings defaultWordings;

    OutboxController(Outbox outbox, TestEmails testEmails, DefaultWordings defaultWordings) {
        this.outbox = outbox;
        this.testEmails = testEmails;
        this.defaultWordings = defaultWordings;
    }

    @GetMapping("/api/v1/outbox")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    List<OutboxEntry> list(
            @RequestParam(required = false) EmailStatus status,
            @RequestParam(required = false) UUID prospectId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return outbox.list(status, prospectId, page, size);
    }

    /** Emails that went out in their default wording, and why: a template or a value to fix. */
    @GetMapping("/api/v1/outbox/fallbacks")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    List<DefaultWording> fallbacks(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return defaultWordings.latest(limit);
    }

    @GetMapping("/api/v1/outbox/{id}")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    OutboxEntry one(@PathVariable UUID id) {
        return outbox.find(id).orElseThrow(() -> Refusal.notFound("email", id));
    }

    /** Sends a FAILED email again; 409 for an email in any other state. */
    @PostMapping("/api/v1/outbox/{id}/retry")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    OutboxEntry retry(@PathVariable UUID id) {
        return outbox.retry(id);
    }

    @PostMapping("/api/v1/admin/outbox/test")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> test(@Valid @RequestBody TestEmail request, Actor admin) {
        var queued = testEmails.send(admin, request.to(), request.count() == null ? 1 : request.count());
        return Map.of("batch", queued.batch(), "queued", queued.count());
    }
}
