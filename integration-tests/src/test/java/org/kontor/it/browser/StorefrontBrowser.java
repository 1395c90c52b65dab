package org.kontor.it.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.kontor.host.KontorHost;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A headless Chromium on the demo storefront, with a screenshot after each named step. */
public final class StorefrontBrowser implements AutoCloseable {

    private final ChromeDriver driver;
    private final KontorHost host;
    private final String base;
    private final Path screenshots;
    private final Path profile;
    private final AtomicInteger steps = new AtomicInteger();

    StorefrontBrowser(ChromeDriver driver, KontorHost host, String base, Path screenshots, Path profile) {
        this.driver = driver;
        this.host = host;
        this.base = base;
        this.screenshots = screenshots;
        this.profile = profile;
    }

    public WebDriver driver() {
        return driver;
    }

    public KontorHost host() {
        return host;
    }

    public String base() {
        return base;
    }

    Path profile() {
        return profile;
    }

    public StorefrontBrowser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** The page's path and query. */
    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean has(String css) {
        return !all(css).isEmpty();
    }

    public StorefrontBrowser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public StorefrontBrowser click(String css) {
        find(css).click();
        return this;
    }

    /** Clicks what sends a form or follows a link, and waits until the next page has replaced this one. */
    public StorefrontBrowser go(String css) {
        return go(find(css));
    }

    public StorefrontBrowser go(WebElement element) {
        WebElement page = find("html");
        element.click();
        await(Duration.ofSeconds(30), driver -> replaced(page));
        return this;
    }

    /**
     * Whether a page's root element is gone. Chromium sometimes answers the question for a document being replaced with
     * an inspector error instead of "stale element"; that means the same.
     */
    private static boolean replaced(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public StorefrontBrowser choose(String css, String visibleTextPart) {
        Select select = new Select(find(css));
        WebElement option = select.getOptions().stream().filter(o -> o.getText().contains(visibleTextPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no option with '" + visibleTextPart + "' in " + css));
        select.selectByVisibleText(option.getText());
        return this;
    }

    public String text(String css) {
        return find(css).getText();
    }

    public String pageText() {
        return find("body").getText();
    }

    /**
     * Waits for the condition; an element that went away because the page reloaded meanwhile is asked for again (a
     * stale element, or Chromium's inspector error for a node of a document being replaced, which means the same).
     */
    public <T> T await(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class).until(driver -> {
                    try {
                        return condition.apply(driver);
                    } catch (WebDriverException e) {
                        if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                            return null;
                        }
                        throw e;
                    }
                });
    }

    /** Saves a screenshot of the page as {@code NN-<name>.png}. */
    public Path screenshot(String name) {
        String file = String.format(Locale.ROOT, "%02d-%s.png", steps.incrementAndGet(),
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        try {
            Path target = screenshots.resolve(file);
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A step of the test: its screenshot is kept as test output. */
    public StorefrontBrowser step(String name) {
        screenshot(name);
        return this;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
