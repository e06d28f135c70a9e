package org.followthrough.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.team.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The numbers page: the summary in the browser, its filters, and a filter it cannot use named next to its field. */
@ApplicationTest
class NumbersPageTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Given given;

    @Test
    void aRepSeesTheirNumbersWithoutTheTeamsMemberPicker() throws Exception {
        var rep = given.rep();
        var page = page(rep, "/numbers");
        assertThat(page).contains("Follow-ups to close", "Connect rate by the prospect", "Best times to call");
        assertThat(page).contains("Your calls in the last 90 days.");
        assertThat(page).contains("learning starts at 200 calls, and these are 0.");
        assertThat(page)
                .contains(
                        "FollowThrough plans attempts at 16:00, 11:00, 10:00, 09:00, 15:00, 17:00, the usual best hours");
        assertThat(page).doesNotContain("The whole team</option>");
    }

    @Test
    void aManagerPicksAMemberAndAPeriodTheNumbersCannotUseIsNamedAtItsField() throws Exception {
        var manager = given.manager();
        var rep = given.rep();
        assertThat(page(manager, "/numbers")).contains("The whole team</option>", rep.fullName());
        assertThat(page(manager, "/numbers?days=30&owner=" + rep.email()))
                .contains(rep.fullName() + "&#39;s calls in the last 30 days.");

        assertThat(page(manager, "/numbers?days=45"))
                .contains("in the last 45 days.", "<option value=\"45\" selected=\"selected\">Last 45 days</option>");
        assertThat(page(manager, "/numbers?days=0"))
                .contains("id=\"days-error\"", "must be between 1 and")
                .contains("in the last 90 days.");

        assertThat(page(manager, "/numbers?days=abc"))
                .as("typed in the address bar: the page, not a bare error")
                .contains("id=\"days-error\"", "must be a whole number, not &#39;abc&#39;")
                .contains("in the last 90 days.");

        var refused = page(manager, "/numbers?days=0&owner={owner}", "nobody@example.com");
        assertThat(refused)
                .as("both fields named at once")
                .contains("id=\"owner-error\"", "is not a member&#39;s email")
                .contains("id=\"days-error\"", "must be between 1 and");
        assertThat(refused).as("the team's numbers meanwhile").contains("The whole team&#39;s calls");
    }

    @Test
    void whatAManagerTypedIsEscapedAndARepIsToldTheirNumbersAreTheirOwn() throws Exception {
        var manager = given.manager();
        var rep = given.rep();
        assertThat(page(manager, "/numbers?owner={owner}", "<script>alert(1)</script>"))
                .doesNotContain("<script>alert(1)")
                .contains("&#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39; is not a member");
        assertThat(page(rep, "/numbers?owner={owner}", "someone@example.com"))
                .contains("a rep&#39;s numbers are their own")
                .doesNotContain("someone@example.com");
    }

    private String page(Member member, String uri, Object... variables) throws java.io.UnsupportedEncodingException {
        var signedIn = mvc.post()
                .uri("/login")
                .with(csrf())
                .param("username", member.email())
                .param("password", Given.PASSWORD)
                .exchange();
        var session = (MockHttpSession) signedIn.getRequest().getSession();
        var result = mvc.get()
                .uri(uri, variables)
                .session(session)
                .accept(MediaType.TEXT_HTML)
                .exchange();
        assertThat(result).hasStatus(HttpStatus.OK);
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
