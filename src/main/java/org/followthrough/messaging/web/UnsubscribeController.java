package org.followthrough.messaging.web;

import java.util.List;
import org.followthrough.messaging.Unsubscribes;
import org.followthrough.team.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Unsubscribing without an account: the link in the email body opens a page with one button (so a
 * mail scanner following links does not unsubscribe anyone), and mail programs use the one-click
 * address of RFC 8058. The signed token is the only proof needed.
 */
@Controller
class UnsubscribeController {

    private final Unsubscribes unsubscribes;

    UnsubscribeController(Unsubscribes unsubscribes) {
        this.unsubscribes = unsubscribes;
    }

    @Bean
    static PublicPaths unsubscribePaths() {
        return () -> List.of("/unsubscribe/**", "/api/v1/unsubscribe/**");
    }

    @GetMapping("/unsubscribe/{token}")
    String page(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("genuine", unsubscribes.isGenuine(token));
        return "unsubscribe";
    }

    @PostMapping("/unsubscribe/{token}")
    String confirm(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("genuine", unsubscribes.isGenuine(token));
        model.addAttribute("done", unsubscribes.optOut(token).isPresent());
        return "unsubscribe";
    }

    @PostMapping("/api/v1/unsubscribe/{token}")
    @ResponseBody
    ResponseEntity<ProblemDetail> oneClick(@PathVariable String token) {
        if (unsubscribes.optOut(token).isPresent()) {
            return ResponseEntity.noContent().build();
        }
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND,
                "This unsubscribe link is not one FollowThrough sent, or it was changed on the way; use the link in"
                        + " the email as it came.");
        problem.setTitle("Unknown unsubscribe link");
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
