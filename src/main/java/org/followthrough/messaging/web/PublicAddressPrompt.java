package org.followthrough.messaging.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.followthrough.common.InvalidInput;
import org.followthrough.messaging.PublicAddress;
import org.followthrough.team.Actor;
import org.followthrough.web.FormErrors;
import org.followthrough.web.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The first admin is asked for the public address: while links in email would point at localhost,
 * every page an administrator opens carries a banner with the form that gives it, until it is given
 * or the administrator dismisses it for the rest of their session. A wrong address is shown again
 * with the problem next to the field.
 */
@Controller
@Page
@PreAuthorize("hasRole('ADMIN')")
class PublicAddressPrompt {

    static final String DISMISSED = "followthrough.public-address-prompt.dismissed";

    private final PublicAddress publicAddress;

    PublicAddressPrompt(PublicAddress publicAddress) {
        this.publicAddress = publicAddress;
    }

    /** Gives the address from the banner, then goes back to the page it was on. */
    @PostMapping("/public-address")
    String give(
            @RequestParam(required = false) String publicUrl,
            @RequestParam(required = false) String back,
            Actor actor,
            Model model) {
        try {
            publicAddress.set(publicUrl, actor.email());
            return "redirect:" + local(back);
        } catch (InvalidInput invalid) {
            model.addAttribute("givenUrl", publicUrl);
            model.addAttribute("promptBack", local(back));
            model.addAttribute("errors", FormErrors.of(invalid));
            model.addAttribute("onPromptPage", true);
            return "messaging/public-address";
        }
    }

    /** Not now: the banner stays away for the rest of this session (the settings page still warns). */
    @PostMapping("/public-address/dismiss")
    String dismiss(@RequestParam(required = false) String back, HttpSession session) {
        session.setAttribute(DISMISSED, Boolean.TRUE);
        return "redirect:" + local(back);
    }

    /** Only a path on this server: never an address elsewhere. */
    static String local(String back) {
        return back != null
                        && back.startsWith("/")
                        && !back.startsWith("//")
                        && !back.contains("\\")
                        && !back.contains("\r")
                        && !back.contains("\n")
                ? back
                : "/";
    }

    /** Whether the page an administrator opens carries the banner, and the page to come back to. */
    @ControllerAdvice(annotations = Page.class)
    static class Banner {

        private final PublicAddress publicAddress;

        Banner(PublicAddress publicAddress) {
            this.publicAddress = publicAddress;
        }

        @ModelAttribute
        void banner(Actor actor, HttpServletRequest request, Model model) {
            var session = request.getSession(false);
            var show = actor != null
                    && actor.isAdmin()
                    && !"true".equals(request.getHeader("HX-Request"))
                    && (session == null || session.getAttribute(DISMISSED) == null)
                    && publicAddress.pointsAtLocalhost();
            if (show) {
                model.addAttribute("publicAddressPrompt", true);
                var query = request.getQueryString();
                model.addAttribute(
                        "promptBack", request.getRequestURI() + (query == null || query.isBlank() ? "" : "?" + query));
            }
        }
    }
}
