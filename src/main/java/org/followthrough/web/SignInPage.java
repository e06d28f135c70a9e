package org.followthrough.web;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; shows why the last attempt failed (wrong password, slow down, locked). */
@Controller
class SignInPage {

    static final String FAILURE = "followthrough.signInFailure";

    @GetMapping("/login")
    String signIn(HttpSession session, Model model) {
        var reason = session.getAttribute(FAILURE);
        if (reason != null) {
            model.addAttribute("failure", reason);
            model.addAttribute("email", session.getAttribute(FAILURE + ".email"));
            session.removeAttribute(FAILURE);
            session.removeAttribute(FAILURE + ".email");
        }
        return "login";
    }
}
