package org.followthrough.prospects.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.web.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

@ApplicationTest
class ImportPagesBrowserTest {

    /** Large enough that the import runs for seconds, so the page sees the bar on its way. */
    static final int ROWS = 80_000;

    /** Only every 200th row is a valid prospect: the rest are rejected, so the engine enrols few. */
    static final int GOOD_EVERY = 200;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Given given;

    @Test
    void aManagerImportsACsvWatchesTheProgressBarReachTheEndAndGetsTheErrorReport() throws IOException {
        var manager = given.manager();
        var file = Files.createTempFile("prospects", ".csv");
        Files.writeString(
                file, csv(UUID.randomUUID().toString().substring(0, 8), manager.email()), StandardCharsets.UTF_8);
        try (var browser = Browser.open(port)) {
            browser.signIn(manager.email(), Given.PASSWORD);
            browser.visit("/imports");
            browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            browser.find(By.cssSelector(".upload-form button[type=submit]")).click();

            browser.waitFor(By.cssSelector("#progress progress"));
            // every state of the bar the page shows, from now on
            browser.script(
                    """
                    (() => { const seen = window.barStates = [];
                        const note = () => { const bar = document.querySelector('#progress progress');
                            seen.push({status: document.getElementById('progress').dataset.status,
                                       value: Number(bar.value), max: Number(bar.max)}); };
                        note(); document.body.addEventListener('htmx:afterSettle', note); return true; })()""");
            browser.waitFor(By.cssSelector("#progress[data-status=DONE]"), Duration.ofSeconds(120));
            @SuppressWarnings("unchecked")
            var states = (java.util.List<java.util.Map<String, Object>>) browser.script("window.barStates");
            assertThat(states)
                    .as("the bar was seen part-way, below its maximum, while the import ran")
                    .anySatisfy(state -> {
                        assertThat(state.get("status")).isEqualTo("RUNNING");
                        assertThat(((Number) state.get("value")).longValue())
                                .isPositive()
                                .isLessThan(((Number) state.get("max")).longValue());
                    });
            var bar = browser.find(By.cssSelector("#progress progress"));
            assertThat(bar.getAttribute("value")).isEqualTo(bar.getAttribute("max"));
            assertThat(browser.find(By.cssSelector(".progress-region")).getAttribute("aria-live"))
                    .isEqualTo("polite");
            int rejected = ROWS - ROWS / GOOD_EVERY;
            assertThat(browser.text(By.cssSelector("#progress .processed"))).isEqualTo(String.valueOf(ROWS));
            assertThat(browser.text(By.cssSelector("#progress .imported"))).isEqualTo(String.valueOf(ROWS - rejected));
            assertThat(browser.text(By.cssSelector("#progress .rejected"))).isEqualTo(String.valueOf(rejected));
            assertThat(browser.text(By.cssSelector(".import-errors tbody tr"))).contains("not-an-email");
            assertThat(browser.find(By.id("progress")).getAttribute("hx-trigger"))
                    .as("polling stops once the import is done")
                    .isNull();

            var report = browser.find(By.cssSelector("a.error-report"));
            var csv = (String) browser.driver()
                    .executeAsyncScript(
                            "fetch(arguments[0]).then(r => r.text()).then(arguments[1])", report.getAttribute("href"));
            assertThat(csv.lines()).hasSize(rejected + 1).first().isEqualTo("Row,Column,Problem,Outcome");
            assertThat(csv.lines().skip(1)).allSatisfy(line -> assertThat(line).endsWith(",rejected"));
            browser.assertNoConsoleErrors();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void anImportThatCannotBeReadStopsPollingAndSaysWhy() throws IOException {
        var file = Files.createTempFile("colours", ".csv");
        Files.writeString(file, "Favourite Colour,Shoe Size\nblue,42\n", StandardCharsets.UTF_8);
        try (var browser = Browser.open(port)) {
            browser.signIn(given.manager().email(), Given.PASSWORD);
            browser.visit("/imports");
            browser.find(By.cssSelector(".upload-form button[type=submit]")).click();
            assertThat(browser.waitFor(By.cssSelector("#file + .field-error")).getText())
                    .contains("CSV");

            browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            browser.find(By.cssSelector(".upload-form button[type=submit]")).click();
            browser.waitFor(By.cssSelector("#progress[data-status=FAILED]"), Duration.ofSeconds(30));
            assertThat(browser.text(By.cssSelector("#progress .status-line .error")))
                    .isNotBlank();
            assertThat(browser.find(By.cssSelector("#progress progress")).getAttribute("value"))
                    .as("a failed import does not show a full bar")
                    .isEqualTo("0");
            assertThat(browser.find(By.id("progress")).getAttribute("hx-trigger"))
                    .isNull();
            browser.assertNoConsoleErrors();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theExportLinkDownloadsTheProspectsTheMemberMaySee() {
        var rep = given.rep();
        var mine = given.prospect(rep);
        var someoneElses = given.prospect(given.rep());
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.visit("/imports");
            var link = browser.find(By.cssSelector("a.export-link"));
            var csv = (String) browser.driver()
                    .executeAsyncScript(
                            "fetch(arguments[0]).then(r => r.text()).then(arguments[1])", link.getAttribute("href"));
            assertThat(csv).contains(mine.email()).doesNotContain(someoneElses.email());
            browser.assertNoConsoleErrors();
        }
    }

    private static String csv(String tag, String owner) {
        var csv = new StringBuilder("First Name,Last Name,Email Address,Phone Number,Company Name,Country,Owner\n");
        for (int i = 1; i <= ROWS; i++) {
            var email = i % GOOD_EVERY != 0 ? "not-an-email-" + i : "p" + i + "." + tag + "@example.com";
            csv.append("Pat,Lee")
                    .append(i)
                    .append(',')
                    .append(email)
                    .append(",+1 646 555 ")
                    .append(String.format("%04d", i / GOOD_EVERY))
                    .append(",Company ")
                    .append(tag)
                    .append(",United States,")
                    .append(owner)
                    .append('\n');
        }
        return csv.toString();
    }
}
