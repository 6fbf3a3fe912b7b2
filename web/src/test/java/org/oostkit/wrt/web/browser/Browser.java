package org.oostkit.wrt.web.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's headless Chromium driven through Debian's ChromeDriver (nothing is downloaded). Every page the
 * journey visits can be saved as a screenshot under {@code target/screenshots} for people to look at.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** A phone of today (390×844 CSS pixels) and a common laptop (1366×900). */
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;
    static final int DESKTOP_WIDTH = 1366;
    static final int DESKTOP_HEIGHT = 900;

    private final ChromeDriver driver;
    private final String baseUrl;
    private final String name;
    private final AtomicInteger shots = new AtomicInteger();

    private Browser(ChromeDriver driver, String baseUrl, String name) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.name = name;
    }

    /** A fresh browser (own profile, no cookies) for one person of the journey; {@code width} in CSS pixels. */
    static Browser open(String baseUrl, String name, int width, Path downloads) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver; .ci/run installs them)");
        }
        Path profile = Files.createTempDirectory("wrt-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + DESKTOP_HEIGHT, "--lang=en-GB");
        options.setExperimentalOption("prefs", java.util.Map.of(
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        if (width < 500) {
            // a desktop window cannot be narrower than about 500 px: emulate the phone's viewport instead
            options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                    java.util.Map.of("width", width, "height", PHONE_HEIGHT, "pixelRatio", 2.0)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        if (width >= 500) {
            // the window's frame takes some of --window-size: grow the window until the page itself is that big
            @SuppressWarnings("unchecked")
            java.util.List<Number> inner = (java.util.List<Number>) driver.executeScript(
                    "return [window.innerWidth, window.innerHeight];");
            org.openqa.selenium.Dimension outer = driver.manage().window().getSize();
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(
                    outer.getWidth() + width - inner.get(0).intValue(),
                    outer.getHeight() + DESKTOP_HEIGHT - inner.get(1).intValue()));
        }
        return new Browser(driver, baseUrl, name);
    }

    /** Shows the next pages as a phone would (390×844, touch, device pixel ratio 2), without a new browser. */
    void emulatePhone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", PHONE_WIDTH,
                "height", PHONE_HEIGHT, "deviceScaleFactor", 2, "mobile", true));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", java.util.Map.of("enabled", true));
    }

    /** Back to the window's own size after {@link #emulatePhone()}. */
    void emulateNothing() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", java.util.Map.of("enabled", false));
    }

    String name() {
        return name;
    }

    WebDriver driver() {
        return driver;
    }

    void go(String path) {
        driver.get(path.startsWith("http") ? path : baseUrl + path);
    }

    WebElement find(By by) {
        return waitUntil(Duration.ofSeconds(10)).until(d -> d.findElement(by));
    }

    void type(By field, String text) {
        WebElement element = find(field);
        element.clear();
        element.sendKeys(text);
    }

    void click(By by) {
        find(by).click();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String title() {
        return driver.getTitle();
    }

    /** Waits through page changes: an element of the page being left may go stale while it is read. */
    WebDriverWait waitUntil(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Saves the current page as {@code target/screenshots/<person>-<nn>-<step>.png}. */
    Path screenshot(String step) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(String.format(Locale.ROOT, "%s-%02d-%s.png", name,
                shots.incrementAndGet(), step));
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
