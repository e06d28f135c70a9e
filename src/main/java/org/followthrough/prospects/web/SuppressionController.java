package org.followthrough.prospects.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.followthrough.common.EmailAddress;
import org.followthrough.common.InvalidInput;
import org.followthrough.common.Refusal;
import org.followthrough.prospects.Suppressions;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators see that erased people are suppressed (never who they were) and can lift it. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class SuppressionController {

    record Lift(String email, String phone) {}

    private final Suppressions suppressions;

    SuppressionController(Suppressions suppressions) {
        this.suppressions = suppressions;
    }

    @GetMapping("/api/v1/admin/suppressions")
    List<Suppressions.Suppression> list() {
        return suppressions.list();
    }

    @DeleteMapping("/api/v1/admin/suppressions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void lift(@PathVariable UUID id) {
        if (!suppressions.lift(id)) {
            throw Refusal.notFound("suppression", id);
        }
    }

    /** Lifts by the person's email or phone (E.164, as it was stored), for when they ask to be contacted again. */
    @PostMapping("/api/v1/admin/suppressions/lift")
    Map<String, Integer> liftFor(@RequestBody Lift request) {
        var email = request.email() == null ? null : EmailAddress.parse(request.email());
        if (email != null && email.isEmpty()) {
            throw InvalidInput.of("email", "'" + request.email() + "' is not an email address");
        }
        if (email == null && (request.phone() == null || request.phone().isBlank())) {
            throw InvalidInput.of("email", "give the email or the phone (E.164) of the person to lift");
        }
        var phone = request.phone() == null ? null : request.phone().replaceAll("[^+0-9]", "");
        return Map.of(
                "lifted",
                suppressions.liftFor(email == null ? null : email.get().value(), phone));
    }
}
