package dev.locreview.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.locreview.HttpTestSupport;

/**
 * Real headless Chromium (Debian's chromium and chromium-driver, installed by .ci/run) driven by
 * Selenium against the running service. Each state a test reaches is saved as a screenshot under
 * target/screenshots for a person to look at. Where Chromium is absent (a newcomer's first run) they are skipped.
 */
abstract class BrowserTestSupport extends HttpTestSupport {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    protected ChromeDriver browser;
    protected WebDriverWait wait;
    private Path profile;

    /**
     * Run where Chromium and its driver are installed; in CI ({@code LOCREVIEW_CI=true}, set by .ci/run, which
     * installs them) always, so a missing browser fails there instead of skipping silently.
     */
    static boolean browserInstalled() {
        return "true".equals(System.getenv("LOCREVIEW_CI"))
                || Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    }

    @BeforeEach
    void openBrowser() throws IOException {
        // An assumption, not @EnabledIf: JUnit does not inherit that one from this base class.
        Assumptions.assumeTrue(browserInstalled(), "Chromium and chromedriver are not installed here");
        profile = Files.createTempDirectory("locreview-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--window-size=1280,1800");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile == null) {
            return; // skipped before a browser was opened
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    protected void open(String path) {
        browser.get("http://localhost:" + port + path);
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    protected WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    protected void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    protected void phoneSized() {
        browser.manage().window().setSize(new Dimension(390, 1600));
    }
}
