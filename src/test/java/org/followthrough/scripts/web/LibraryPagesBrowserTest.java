package org.followthrough.scripts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.scripts.ObjectionCategory;
import org.followthrough.scripts.ObjectionPlaybooks;
import org.followthrough.web.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

@ApplicationTest
class LibraryPagesBrowserTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    Given given;

    @Autowired
    ObjectionPlaybooks playbooks;

    @Test
    void aRepAddsAnArticleAfterFixingItsLinkThenEditsAndDeletesIt() {
        var rep = given.rep();
        var title = "Cutting freight costs " + UUID.randomUUID().toString().substring(0, 6);
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.visit("/articles");
            browser.find(By.id("title")).sendKeys(title);
            browser.find(By.id("link")).sendKeys("https://");
            browser.find(By.id("topics")).sendKeys("Freight, cost");
            browser.find(By.cssSelector(".article-form button[type=submit]")).click();

            assertThat(browser.waitFor(By.cssSelector("#link + .field-error")).getText())
                    .contains("http");
            assertThat(browser.find(By.id("title")).getAttribute("value")).isEqualTo(title);
            var link = browser.find(By.id("link"));
            link.clear();
            link.sendKeys("https://example.com/freight");
            browser.find(By.cssSelector(".article-form button[type=submit]")).click();
            browser.waitFor(By.cssSelector("p.notice[role=status]"));
            var row = browser.find(By.xpath("//tr[td/a[text()='" + title + "']]"));
            assertThat(row.getText()).contains("freight, cost");

            row.findElement(By.linkText("Edit")).click();
            var industries = browser.waitFor(By.id("industries"));
            industries.sendKeys("Logistics");
            browser.find(By.cssSelector(".article-form button[type=submit]")).click();
            browser.waitFor(By.cssSelector("p.notice[role=status]"));
            row = browser.find(By.xpath("//tr[td/a[text()='" + title + "']]"));
            assertThat(row.getText()).contains("logistics");

            row.findElement(By.cssSelector("button")).click();
            browser.dismiss();
            assertThat(browser.all(By.xpath("//tr[td/a[text()='" + title + "']]")))
                    .as("kept when the member says no")
                    .hasSize(1);
            row.findElement(By.cssSelector("button")).click();
            browser.confirm();
            browser.waitFor(By.cssSelector("p.notice[role=status]"));
            assertThat(browser.all(By.xpath("//tr[td/a[text()='" + title + "']]")))
                    .isEmpty();
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void aManagerEditsTheBudgetPlaybookAndARepReadsIt() {
        var manager = given.manager();
        var respond = "Show the cost of waiting, " + UUID.randomUUID();
        var original = playbooks.find(ObjectionCategory.BUDGET).orElseThrow();
        try {
            editAndRead(manager, respond);
        } finally {
            playbooks.save(
                    ObjectionCategory.BUDGET,
                    new ObjectionPlaybooks.Steps(
                            original.listen(), original.acknowledge(), original.explore(), original.respond()),
                    null);
        }
    }

    private void editAndRead(org.followthrough.team.Member manager, String respond) {
        try (var browser = Browser.open(port)) {
            browser.signIn(manager.email(), Given.PASSWORD);
            browser.visit("/playbooks");
            var field = browser.find(By.id("BUDGET-respond"));
            field.clear();
            browser.find(By.cssSelector("#playbook-BUDGET button[type=submit]")).click();
            assertThat(browser.waitFor(By.cssSelector("#playbook-BUDGET .field-error"))
                            .getText())
                    .isNotBlank();
            field = browser.find(By.id("BUDGET-respond"));
            field.sendKeys(respond);
            browser.find(By.cssSelector("#playbook-BUDGET button[type=submit]")).click();
            browser.waitFor(By.cssSelector("p.notice[role=status]"));
            browser.assertNoConsoleErrors();
        }
        try (var browser = Browser.open(port)) {
            browser.signIn(given.rep().email(), Given.PASSWORD);
            browser.visit("/playbooks");
            assertThat(browser.text(By.cssSelector("#playbook-BUDGET dl.laer"))).contains(respond);
            assertThat(browser.all(By.cssSelector("#playbook-BUDGET textarea"))).isEmpty();
            browser.assertNoConsoleErrors();
        }
    }
}
