package org.followthrough.prospects.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.prospects.Prospects;
import org.followthrough.web.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Through the page: upload, see the preview, correct a column the file names its own way, import. */
@ApplicationTest
class ImportPreviewBrowserTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    Given given;

    @Autowired
    Prospects prospects;

    @Test
    void aManagerCorrectsAColumnInThePreviewAndImportsTheFile() throws IOException {
        var manager = given.manager();
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var file = Files.createTempFile("close-export", ".csv");
        Files.writeString(
                file,
                "Ansprechpartner " + tag + ",primary_contact_primary_email,display_name\n" + "Terry Jeffords,terry."
                        + tag + "@nine-nine.example,Nine-Nine LLC\n",
                StandardCharsets.UTF_8);
        try (var browser = Browser.open(port)) {
            browser.signIn(manager.email(), Given.PASSWORD);
            browser.visit("/imports");
            browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            browser.find(By.cssSelector(".upload-form .preview-button")).click();

            browser.waitFor(By.cssSelector(".preview-form"));
            assertThat(browser.text(By.cssSelector(".problem"))).contains("no name column");
            assertThat(browser.text(By.cssSelector(".preview-rows"))).contains("Rejected");
            // the person's column, named as no CRM names it, becomes the full name
            browser.script("(() => { const s = document.getElementById('field-0'); s.value = 'fullName';"
                    + " return true; })()");
            browser.find(By.cssSelector(".again-button")).click();
            browser.waitFor(By.cssSelector(".preview-rows"));
            assertThat(browser.text(By.cssSelector(".preview-rows"))).contains("Terry Jeffords", "Nine-Nine LLC");
            assertThat(browser.find(By.id("field-0")).getAttribute("value")).isEqualTo("fullName");

            browser.find(By.cssSelector(".start-button")).click();
            browser.waitFor(By.cssSelector("#progress[data-status=DONE]"), Duration.ofSeconds(120));
            browser.assertNoConsoleErrors();
        }
        var terry = prospects.byEmail("terry." + tag + "@nine-nine.example").orElseThrow();
        assertThat(terry.fullName()).isEqualTo("Terry Jeffords");
        assertThat(terry.company()).isEqualTo("Nine-Nine LLC");
    }
}
