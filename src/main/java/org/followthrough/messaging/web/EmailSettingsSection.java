package org.followthrough.messaging.web;

import jakarta.servlet.http.HttpServletRequest;
import org.followthrough.common.InvalidInput;
import org.followthrough.messaging.DkimKeys;
import org.followthrough.messaging.MailSettings;
import org.followthrough.messaging.PublicAddress;
import org.followthrough.messaging.PublishedRecords;
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
 * outbox), the sender address, the public address links in email point at (given by an admin, in red
 * while it points at this machine only or elsewhere than this page was reached at), the DNS records
 * to publish for DKIM and the SPF and DMARC lines to check with whether what is published matches
 * (checked on demand), and, for administrators, a test email.
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
    private final PublicAddress publicAddress;
    private final DkimKeys dkim;
    private final PublishedRecords records;

    EmailSettingsSection(
            ObjectProvider<JavaMailSender> mailers,
            TestEmails testEmails,
            MailSettings settings,
            PublicAddress publicAddress,
            DkimKeys dkim,
            PublishedRecords records) {
        this.mailers = mailers;
        this.testEmails = testEmails;
        this.from = settings.from();
        this.publicAddress = publicAddress;
        this.dkim = dkim;
        this.records = records;
    }

    @GetMapping("/settings/email")
    String section(Actor actor, Model model, HttpServletRequest request) {
        model.addAttribute("reachedAt", request.getServerName());
        return section(actor, "", null, FormErrors.none(), model);
    }

    /** The first admin gives the address people reach FollowThrough at; links in email are made from it. */
    @PostMapping("/settings/email/public-address")
    @PreAuthorize("hasRole('ADMIN')")
    String publicAddress(
            @RequestParam(required = false) String publicUrl, Actor actor, Model model, HttpServletRequest request) {
        model.addAttribute("reachedAt", request.getServerName());
        try {
            publicAddress.set(publicUrl, actor.email());
            model.addAttribute("addressSaved", true);
            return section(actor, "", null, FormErrors.none(), model);
        } catch (InvalidInput invalid) {
            model.addAttribute("givenUrl", publicUrl);
            return section(actor, "", null, FormErrors.of(invalid), model);
        }
    }

    /**
     * Looks up what is published in DNS now (each lookup within the DNS timeout) and shows how it
     * compares; the page itself only shows the latest check, so opening it never waits on DNS.
     */
    @PostMapping("/settings/email/dns-check")
    String checkDns(Actor actor, Model model, HttpServletRequest request) {
        model.addAttribute("reachedAt", request.getServerName());
        records.check();
        return section(actor, "", null, FormErrors.none(), model);
    }

    @PostMapping("/settings/email/test")
    @PreAuthorize("hasRole('ADMIN')")
    String test(@RequestParam(required = false) String to, Actor actor, Model model, HttpServletRequest request) {
        model.addAttribute("reachedAt", request.getServerName());
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
        var address = publicAddress.current();
        model.addAttribute("publicUrl", address.toString());
        model.addAttribute("publicUrlLocal", publicAddress.pointsAtLocalhost());
        var reachedAt = (String) model.getAttribute("reachedAt");
        model.addAttribute(
                "reachedElsewhere",
                reachedAt != null
                        && !PublicAddress.isLocal(reachedAt)
                        && !reachedAt.equalsIgnoreCase(address.getHost()));
        model.addAttribute("dkim", dkim.published());
        var check = records.last().orElse(null);
        model.addAttribute("dnsCheck", check);
        model.addAttribute(
                "dnsCheckedAt",
                check == null
                        ? null
                        : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                                .format(check.at().atZone(java.time.ZoneOffset.UTC)));
        return "settings/email :: section";
    }
}
