package org.followthrough.messaging.web;

import java.util.List;
import org.followthrough.messaging.EmailTracking;
import org.followthrough.team.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tracked links in sent email. No account needed: the signed token is the proof, and it alone says
 * where to go; a forged or damaged token answers 404.
 */
@RestController
class TrackingController {

    private final EmailTracking tracking;

    TrackingController(EmailTracking tracking) {
        this.tracking = tracking;
    }

    @Bean
    static PublicPaths trackingPaths() {
        return () -> List.of("/t/c/**", "/t/o/**");
    }

    /** A transparent one-pixel GIF. */
    private static final byte[] PIXEL =
            java.util.Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    /** The image in an email's HTML version: loading it is an open (a forged token is simply not counted). */
    @GetMapping("/t/o/{token}")
    ResponseEntity<byte[]> open(@PathVariable String token, jakarta.servlet.http.HttpServletRequest request) {
        if (!"HEAD".equals(request.getMethod())) {
            tracking.open(token);
        }
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.IMAGE_GIF)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(PIXEL);
    }

    @GetMapping("/t/c/{token}")
    ResponseEntity<Void> click(@PathVariable String token, jakarta.servlet.http.HttpServletRequest request) {
        if ("HEAD".equals(request.getMethod())) {
            // a link checker asking what is there is not a person clicking
            return tracking.destination(token)
                    .map(link -> ResponseEntity.status(HttpStatus.FOUND)
                            .header(HttpHeaders.LOCATION, link.toString())
                            .<Void>build())
                    .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
        }
        return tracking.click(token)
                .map(link -> ResponseEntity.status(HttpStatus.FOUND)
                        .header(HttpHeaders.LOCATION, link.toString())
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .<Void>build())
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }
}
