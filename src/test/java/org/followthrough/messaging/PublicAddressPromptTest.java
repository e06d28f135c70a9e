package org.followthrough.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The first admin is asked for the public address, not only warned on the settings page: while links
 * in email point at localhost, every page an administrator opens carries a banner with the form that
 * gives it (other members never see it); a wrong address comes back with the problem next to the
 * field; once given, or dismissed for the session, the banner is gone.
 */
@ApplicationTest
class PublicAddressPromptTest extends WithMailServers {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Autowired
    PublicAddress publicAddress;

    @AfterEach
    void backToTheDefault() {
        publicAddress.set("http://localhost:8080", "test");
    }

    @Test
    void anAdminIsAskedOnEveryPageUntilTheAddressIsGiven() {
        publicAddress.set("http://localhost:8080", "test");
        var admin = given.admin();
        for (var page : new String[] {"/today", "/prospects", "/cadences", "/settings"}) {
            assertThat(mvc.get().uri(page).with(httpBasic(admin.email(), Given.PASSWORD)))
                    .as(page)
                    .hasStatusOk()
                    .bodyText()
                    .contains("class=\"public-address-prompt\"")
                    .contains("Give the address people reach FollowThrough at.")
                    .contains("action=\"/public-address\"")
                    .contains("name=\"back\" value=\"" + page + "\"");
        }
        assertThat(mvc.get().uri("/today").with(httpBasic(given.manager().email(), Given.PASSWORD)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("public-address-prompt");
        assertThat(mvc.get().uri("/today").with(httpBasic(given.rep().email(), Given.PASSWORD)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("public-address-prompt");

        assertThat(mvc.post()
                        .uri("/public-address")
                        .with(httpBasic(admin.email(), Given.PASSWORD))
                        .with(csrf())
                        .param("publicUrl", "followthrough dot acme")
                        .param("back", "/prospects"))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"prompt-public-url-error\"")
                .contains("must be an address such as https://followthrough.example.com")
                .contains("value=\"followthrough dot acme\"");
        assertThat(publicAddress.pointsAtLocalhost()).isTrue();

        assertThat(mvc.post()
                        .uri("/public-address")
                        .with(httpBasic(admin.email(), Given.PASSWORD))
                        .with(csrf())
                        .param("publicUrl", "https://followthrough.acme.example")
                        .param("back", "//evil.example/phish"))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/");
        assertThat(publicAddress.current().toString()).isEqualTo("https://followthrough.acme.example");
        assertThat(mvc.get().uri("/today").with(httpBasic(admin.email(), Given.PASSWORD)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("public-address-prompt");
    }

    @Test
    void anAdminWhoSaysNotNowIsNotAskedAgainThatSession() {
        publicAddress.set("http://127.0.0.1:8080", "test");
        var admin = given.admin();
        var session = new MockHttpSession();
        assertThat(mvc.get().uri("/today").session(session).with(httpBasic(admin.email(), Given.PASSWORD)))
                .bodyText()
                .contains("public-address-prompt");
        assertThat(mvc.post()
                        .uri("/public-address/dismiss")
                        .session(session)
                        .with(httpBasic(admin.email(), Given.PASSWORD))
                        .with(csrf())
                        .param("back", "/prospects?q=acme"))
                .hasRedirectedUrl("/prospects?q=acme");
        assertThat(mvc.get().uri("/today").session(session).with(httpBasic(admin.email(), Given.PASSWORD)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("public-address-prompt");
        assertThat(mvc.get().uri("/today").with(httpBasic(admin.email(), Given.PASSWORD)))
                .as("another session is asked again")
                .bodyText()
                .contains("public-address-prompt");
        assertThat(publicAddress.pointsAtLocalhost()).isTrue();
    }
}
