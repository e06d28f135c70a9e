package org.followthrough.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The first page after sign-in is the member's day. */
@Controller
@Page
class HomePage {

    @GetMapping("/")
    String home() {
        return "redirect:/today";
    }
}
