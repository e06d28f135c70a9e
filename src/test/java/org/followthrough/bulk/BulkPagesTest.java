package org.followthrough.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** From the prospects list: a bulk action's preview, then its progress page and the record of the latest ones. */
@ApplicationTest
class BulkPagesTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Test
    void aManagerPreviewsABulkActionOnASearchThenWatchesItRun() throws Exception {
        var manager = given.manager();
        var rep = given.rep();
        given.prospect(rep);
        given.prospect(rep);
        var basic = httpBasic(manager.email(), Given.PASSWORD);

        var list = mvc.get()
                .uri("/prospects?owner=" + rep.email())
                .with(basic)
                .exchange()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("Do something to all 2 of this search", "Export this search");

        var fields = mvc.get()
                .uri("/prospects/bulk?owner=" + rep.email() + "&action=ENROL")
                .with(basic)
                .exchange()
                .getResponse()
                .getContentAsString();
        assertThat(fields).contains("<select id=\"bulk-cadence\"").doesNotContain("What will happen");

        var preview = mvc.get()
                .uri("/prospects/bulk?owner=" + rep.email() + "&action=ENROL&cadence=nurture")
                .with(basic)
                .exchange()
                .getResponse()
                .getContentAsString();
        assertThat(preview).contains("0 will be enrolled, 2 skipped: already in a cadence.");

        var moving = mvc.get()
                .uri("/prospects/bulk?owner=" + rep.email() + "&action=ENROL&cadence=nurture&replace=true")
                .with(basic)
                .exchange()
                .getResponse()
                .getContentAsString();
        assertThat(moving).contains("2 will be enrolled.", "Do it to 2");

        var started = mvc.post()
                .uri("/prospects/bulk")
                .with(basic)
                .with(csrf())
                .param("owner", rep.email())
                .param("action", "ENROL")
                .param("cadence", "nurture")
                .param("replace", "true")
                .exchange();
        assertThat(started).hasStatus3xxRedirection();
        var location = started.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/bulk-actions/");
        var page = mvc.get().uri(location).with(basic).exchange().getResponse().getContentAsString();
        assertThat(page)
                .contains("Enrol in nurture (moving them from their cadence): owner " + rep.email())
                .contains("Latest bulk actions", manager.fullName());
    }
}
