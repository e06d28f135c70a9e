package org.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.followthrough.OutsidePart;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium driving FollowThrough at a 1280×800 laptop size. Uses Debian's
 * {@code chromium} and {@code chromium-driver}; where they are missing the test skips and says so
 * (fails in CI). Selenium never tries to download a driver.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("docs", "screenshots");

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** Opens a browser against the server on this port; skips the test where there is no Chromium. */
    public static Browser open(int port) {
        OutsidePart.require(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and its driver (Debian packages chromium and chromium-driver)");
        System.setProperty("SE_OFFLINE", "true");
        var options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--no-first-run",
                        "--disable-dev-shm-usage",
                        "--window-size=1280,800");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 800));
        // the window's 800 pixels include the browser's own bars: the page itself gets 1280x800
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return new Browser(driver, "http://localhost:" + port);
    }

    /** The page gets this many pixels across (390 a phone, 768 a tablet, 1280 a laptop), 800 down. */
    public Browser width(int width) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", false));
        return this;
    }

    /**
     * Fails when the page is wider than the window (it would scroll sideways), naming the elements that
     * stick out.
     */
    public void assertNoHorizontalOverflow() {
        var widths = (List<?>) script("[document.documentElement.scrollWidth, document.documentElement.clientWidth,"
                + " [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
                + " > document.documentElement.clientWidth + 1).slice(0, 8).map(e => e.tagName.toLowerCase()"
                + " + (e.className && e.className.baseVal === undefined ? '.' + e.className : '')"
                + " + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')]");
        assertThat(((Number) widths.get(0)).intValue())
                .as(
                        "%s is %s px wide in a window of %s px; sticking out: %s",
                        driver.getCurrentUrl(), widths.get(0), widths.get(1), widths.get(2))
                .isLessThanOrEqualTo(((Number) widths.get(1)).intValue());
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser visit(String path) {
        driver.get(base + path);
        return this;
    }

    public Browser signIn(String email, String password) {
        visit("/login");
        driver.findElement(By.id("username")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.cssSelector("header.top .user"));
        return this;
    }

    /** Waits up to ten seconds for an element to be visible. */
    public WebElement waitFor(By by) {
        return waitFor(by, Duration.ofSeconds(10));
    }

    public WebElement waitFor(By by, Duration patience) {
        return new WebDriverWait(driver, patience).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Clicks an element after scrolling it to the middle of the screen, clear of sticky bars. */
    public void click(By by) {
        var element = driver.findElement(by);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public String text(By by) {
        return driver.findElement(by).getText();
    }

    /** Saves what the browser shows as {@code docs/screenshots/<name>.png} (shown in the README). */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            var target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The errors the page wrote to the browser console since the last call. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    public void assertNoConsoleErrors() {
        assertThat(consoleErrors()).as("errors in the browser console").isEmpty();
    }

    /**
     * For a page that answers an error status on purpose (403, 404, 401): Chromium logs the answer
     * itself as a failed resource; nothing else may be logged.
     */
    public void assertNoConsoleErrorsBut(String status) {
        assertThat(consoleErrors())
                .as("errors in the browser console besides the %s answer", status)
                .allMatch(e -> e.contains(status));
    }

    /** Opens the member's menu in the header and follows one of its links or buttons. */
    public void fromMenu(String text) {
        find(By.cssSelector("header details.menu summary")).click();
        waitFor(By.xpath("//header//details[@open]//*[self::a or self::button][normalize-space()='" + text + "']"))
                .click();
    }

    /** Answers the page's "are you sure?" question with yes. */
    public void confirm() {
        new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(ExpectedConditions.alertIsPresent())
                .accept();
    }

    /** Answers the page's "are you sure?" question with no; returns the question. */
    public String dismiss() {
        var question = new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
        var text = question.getText();
        question.dismiss();
        return text;
    }

    /** What a script of the page computes, for state the page exposes to tests (such as alerts played). */
    public Object script(String expression) {
        return driver.executeScript("return " + expression);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
