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

    static final int ROWS = 400;
    static final int BAD_EVERY = 25;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Given given;

    @Test
    void aManagerImportsACsvWatchesTheProgressBarReachTheEndAndGetsTheErrorReport() throws IOException {
        var manager = given.manager();
        var file = Files.createTempFile("prospects", ".csv");
        Files.writeString(file, csv(UUID.randomUUID().toString().substring(0, 8)), StandardCharsets.UTF_8);
        try (var browser = Browser.open(port)) {
            browser.signIn(manager.email(), Given.PASSWORD);
            browser.visit("/imports");
            browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            browser.find(By.cssSelector(".upload-form button[type=submit]")).click();

            browser.waitFor(By.cssSelector("#progress progress"));
            browser.waitFor(By.cssSelector("#progress[data-status=DONE]"), Duration.ofSeconds(30));
            var bar = browser.find(By.cssSelector("#progress progress"));
            assertThat(bar.getAttribute("value")).isEqualTo(bar.getAttribute("max"));
            int rejected = ROWS / BAD_EVERY;
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
            assertThat(csv.lines()).hasSize(rejected + 1).first().isEqualTo("Row,Column,Problem");
            browser.screenshot("import-progress");
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

    private static String csv(String tag) {
        var csv = new StringBuilder("First Name,Last Name,Email Address,Phone Number,Company Name,Country\n");
        for (int i = 1; i <= ROWS; i++) {
            var email = i % BAD_EVERY == 0 ? "not-an-email-" + i : "p" + i + "." + tag + "@example.com";
            csv.append("Pat,Lee")
                    .append(i)
                    .append(',')
                    .append(email)
                    .append(",+1 212 555 ")
                    .append(String.format("%04d", i))
                    .append(",Company ")
                    .append(tag)
                    .append(",United States\n");
        }
        return csv.toString();
    }
}
