package org.followthrough.signals.web;

import org.followthrough.messaging.MailSettings;
import org.followthrough.web.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The settings page's webhook section, read-only: whether signed webhooks in are on (the secret is
 * never shown), where senders post and how they sign, and the latest web inquiries that were rejected,
 * are still failing or were taken with a value set aside.
 */
@Controller
@Page
@PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
class WebhookSettingsSection {

    private final boolean secretConfigured;
    private final String publicUrl;
    private final org.followthrough.signals.Signals signals;

    WebhookSettingsSection(org.followthrough.signals.Signals signals, SignalSettings settings, MailSettings mail) {
        var publicUrl = mail.publicUrl().toString();
        this.signals = signals;
        this.secretConfigured = settings.secretConfigured();
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @GetMapping("/settings/webhooks")
    String section(Model model) {
        model.addAttribute("secretConfigured", secretConfigured);
        model.addAttribute("endpoint", publicUrl + "/api/v1/signals");
        model.addAttribute("inquiryProblems", signals.inquiryProblems(20));
        return "settings/webhooks :: section";
    }
}
