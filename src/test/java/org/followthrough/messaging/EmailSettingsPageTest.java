package org.followthrough.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Settings → Email as an administrator sees it: a red warning while links in email point at
 * localhost, the form that gives the public address (refusing one that is not an address), and the
 * DKIM record to publish with the SPF and DMARC lines to check.
 */
@ApplicationTest
class EmailSettingsPageTest extends WithMailServers {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    PublicAddress publicAddress;

    @Autowired
    DkimKeys dkim;

    @AfterEach
    void backToTheDefault() {
        publicAddress.set("http://localhost:8080", "test");
    }

    @Test
    void anAdminIsAskedForThePublicAddressInRedUntilLinksStopPointingAtLocalhost() {
        var admin = given.admin();
        assertThat(publicAddress.pointsAtLocalhost()).isTrue();
        assertThat(mvc.get().uri("/settings/email").with(httpBasic(admin.email(), Given.PASSWORD)))
                .hasStatusOk()
                .bodyText()
                .contains("public-address-warning error")
                .contains("only works on this server")
                .contains("name=\"publicUrl\"")
                .contains(dkim.published().dkim().name())
                .contains("v=DKIM1; k=rsa; p=")
                .contains("v=spf1")
                .contains("_dmarc.");

        assertThat(mvc.post()
                        .uri("/settings/email/public-address")
                        .with(httpBasic(admin.email(), Given.PASSWORD))
                        .with(csrf())
                        .param("publicUrl", "javascript:alert(1)"))
                .hasStatusOk()
                .bodyText()
                .contains("field-error")
                .contains("must be an address such as https://followthrough.example.com");
        assertThat(publicAddress.pointsAtLocalhost()).isTrue();

        assertThat(mvc.post()
                        .uri("/settings/email/public-address")
                        .with(httpBasic(admin.email(), Given.PASSWORD))
                        .with(csrf())
                        .param("publicUrl", "https://followthrough.acme.example/"))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("only works on this server")
                .contains("https://followthrough.acme.example");
        assertThat(publicAddress.current().toString()).isEqualTo("https://followthrough.acme.example");
        assertThat(outboxLink()).startsWith("https://followthrough.acme.example/prospects/");
    }

    @Test
    void aManagerSeesTheWarningButCannotChangeTheAddress() {
        var manager = given.manager();
        assertThat(mvc.get().uri("/settings/email").with(httpBasic(manager.email(), Given.PASSWORD)))
                .hasStatusOk()
                .bodyText()
                .contains("Ask an administrator")
                .doesNotContain("name=\"publicUrl\"");
        assertThat(mvc.post()
                        .uri("/settings/email/public-address")
                        .with(httpBasic(manager.email(), Given.PASSWORD))
                        .with(csrf())
                        .param("publicUrl", "https://elsewhere.example"))
                .hasStatus(403);
        assertThat(publicAddress.pointsAtLocalhost()).isTrue();
    }

    @Autowired
    Outbox outbox;

    private String outboxLink() {
        return outbox.publicLink("/prospects/" + java.util.UUID.randomUUID()).toString();
    }
}
