package org.followthrough.scripts.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.followthrough.ApplicationTest;
import org.followthrough.Given;
import org.followthrough.scripts.Channel;
import org.followthrough.scripts.TemplateKey;
import org.followthrough.scripts.Templates;
import org.followthrough.web.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

@ApplicationTest
class TemplatePagesBrowserTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    Given given;

    @Autowired
    Templates templates;

    @Test
    void aManagerEditingAVoicemailSeesTheScriptCheckFindingAppearWhileTyping() {
        var manager = given.manager();
        try (var browser = Browser.open(port)) {
            browser.signIn(manager.email(), Given.PASSWORD);
            browser.visit("/templates");
            browser.find(By.linkText("ftc-voicemail-2")).click();
            browser.waitFor(By.id("body"));
            assertThat(browser.all(By.cssSelector("#findings li[data-rule='blunder.just-checking-in']")))
                    .isEmpty();

            var body = browser.find(By.id("body"));
            body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), " I was just checking in to touch base.");

            var finding = browser.waitFor(By.cssSelector("#findings li[data-rule='blunder.just-checking-in']"));
            assertThat(finding.getText()).contains("just checking in");
            assertThat(browser.text(By.cssSelector("#findings .spoken"))).contains("seconds spoken");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void textPastedWithoutTypingIsCheckedToo() {
        var manager = given.manager();
        try (var browser = Browser.open(port)) {
            browser.signIn(manager.email(), Given.PASSWORD);
            browser.visit("/templates");
            browser.find(By.linkText("ftc-voicemail-3")).click();
            browser.waitFor(By.id("body"));
            // what a paste from the context menu does: the text changes, no key is pressed
            browser.script("(() => { const b = document.getElementById('body'); b.value += ' Just checking in.';"
                    + " b.dispatchEvent(new Event('input', {bubbles: true})); return true; })()");
            assertThat(browser.waitFor(By.cssSelector("#findings li[data-rule='blunder.just-checking-in']"))
                            .getText())
                    .contains("Just checking in");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void savingATemplateThatCannotBeFilledInIsRefusedWithTheProblemShownAndTheTextKept() {
        var manager = given.manager();
        try (var browser = Browser.open(port)) {
            browser.signIn(manager.email(), Given.PASSWORD);
            browser.visit("/templates/ftc-voicemail/3");
            var body = browser.find(By.id("body"));
            body.clear();
            body.sendKeys("Hi {{prospect.nickname}}, this is {{rep.fullName}} from {{company}}.");
            browser.find(By.cssSelector(".template-form button[type=submit]")).click();

            browser.waitFor(By.cssSelector("p.error[role=alert]"));
            assertThat(browser.text(By.cssSelector(".template-form .field-error")))
                    .contains("prospect.nickname");
            assertThat(browser.find(By.id("body")).getAttribute("value")).contains("{{prospect.nickname}}");
            assertThat(browser.all(By.cssSelector("#findings li.blocking"))).isNotEmpty();
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void aManagerAddsTheNextVariantOfAnEmailStartingFromTheSameWords() {
        var manager = given.manager();
        var key = "webinar-email-" + (System.nanoTime() % 100_000);
        templates.save(
                new TemplateKey(key, 1),
                new Templates.Edit(
                        Channel.EMAIL,
                        "Thanks for joining, {{prospect.firstName}}",
                        "Hi {{prospect.firstName}}, thanks for joining the webinar. {{rep.fullName}}, {{company}}"),
                null);
        try (var browser = Browser.open(port)) {
            browser.signIn(manager.email(), Given.PASSWORD);
            browser.visit("/templates/" + key + "/1");
            browser.find(By.cssSelector(".next-variant-form button")).click();

            browser.waitFor(By.cssSelector("p.notice[role=status]"));
            assertThat(browser.driver().getCurrentUrl()).endsWith("/templates/" + key + "/2?added");
            assertThat(browser.find(By.id("subject")).getAttribute("value"))
                    .isEqualTo("Thanks for joining, {{prospect.firstName}}");
            assertThat(templates.variants(key)).isEqualTo(2);
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void aRepReadsTemplatesButHasNoSaveButton() {
        var rep = given.rep();
        try (var browser = Browser.open(port)) {
            browser.signIn(rep.email(), Given.PASSWORD);
            browser.visit("/templates/ftc-voicemail/1");
            browser.waitFor(By.id("body"));
            assertThat(browser.all(By.cssSelector(".template-form button[type=submit]")))
                    .isEmpty();
            assertThat(browser.find(By.id("body")).isEnabled()).isFalse();
            assertThat(browser.all(By.cssSelector(".next-variant-form"))).isEmpty();
            browser.assertNoConsoleErrors();
        }
    }
}
