package org.followthrough.messaging.web;

import org.followthrough.common.InvalidInput;
import org.followthrough.messaging.MailSettings;
import org.followthrough.team.Actor;
import org.followthrough.web.FormErrors;
import org.followthrough.web.Page;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The settings page's email section: whether SMTP is configured (without it email waits in the
 * outbox), the sender address, and, for administrators, a test email through the outbox.
 */
@Controller
@Page
@PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
class EmailSettingsSection {

    /** What the page shows of the SMTP setup; never a password. */
    record Smtp(boolean configured, String host, int port, String from) {}

    private final ObjectProvider<JavaMailSender> mailers;
    private final TestEmails testEmails;
    private final String from;

    EmailSettingsSection(ObjectProvider<JavaMailSender> mailers, TestEmails testEmails, MailSettings settings) {
        this.mailers = mailers;
        this.testEmails = testEmails;
        this.from = settings.from();
    }

    @GetMapping("/settings/email")
    String section(Actor actor, Model model) {
        return section(actor, "", null, FormErrors.none(), model);
    }

    @PostMapping("/settings/email/test")
    @PreAuthorize("hasRole('ADMIN')")
    String test(@RequestParam(required = false) String to, Actor actor, Model model) {
        try {
            var queued = testEmails.send(actor, to, 1);
            return section(actor, to, queued, FormErrors.none(), model);
        } catch (InvalidInput invalid) {
            return section(actor, to, null, FormErrors.of(invalid), model);
        }
    }

    private String section(
            Actor actor, String to, TestEmails.Queued queued, java.util.Map<String, String> errors, Model model) {
        var mailer = mailers.getIfAvailable();
        var smtp = mailer instanceof JavaMailSenderImpl impl && impl.getHost() != null
                ? new Smtp(true, impl.getHost(), impl.getPort(), from)
                : new Smtp(false, null, 0, from);
        model.addAttribute("smtp", smtp);
        model.addAttribute("mayTest", actor.isAdmin());
        model.addAttribute("to", to == null || to.isBlank() ? actor.email() : to);
        model.addAttribute("queued", queued);
        model.addAttribute("errors", errors);
        return "settings/email :: section";
    }
}
