package org.kontor.it.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.kontor.host.KontorHost;
import org.kontor.testkit.TestDatabase;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts the class's host ({@link BrowserTest#host}; by default the demo: SQLite, the sandbox registry, the demo data)
 * once per test class and a headless Chromium
 * with a fresh profile for each test; screenshots the page when a test fails. Without Chromium the tests are
 * skipped on a developer machine and fail in CI ({@code .ci/run} installs it).
 */
public final class BrowserExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** The host of a test class and its database, closed after the class. */
    private record ClassHost(TestDatabase database, BrowserHost starter, KontorHost host)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            try {
                host.close();
            } finally {
                try {
                    starter.close();
                } finally {
                    database.close();
                }
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!Chromium.installed()) {
            String missing = "Chromium is not installed at " + Chromium.BROWSER + " with its driver at " + Chromium.DRIVER
                    + " (apt-get install chromium chromium-driver)";
            if (Chromium.inCi()) {
                throw new IllegalStateException(missing);
            }
            Assumptions.abort(missing);
        }
        TestDatabase database = TestDatabase.sqlite();
        BrowserHost starter = null;
        KontorHost host;
        try {
            Class<? extends BrowserHost> kind = context.getRequiredTestClass().getAnnotation(BrowserTest.class).host();
            starter = kind.getDeclaredConstructor().newInstance();
            host = starter.start(database.database());
        } catch (Exception | Error e) {
            if (starter != null) {
                starter.close();
            }
            database.close();
            throw e;
        }
        context.getStore(NAMESPACE).put(ClassHost.class, new ClassHost(database, starter, host));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClassHost demo = context.getStore(NAMESPACE).remove(ClassHost.class, ClassHost.class);
        if (demo != null) {
            demo.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        ClassHost demo = context.getParent().orElseThrow().getStore(NAMESPACE).get(ClassHost.class, ClassHost.class);
        Path profile = Files.createTempDirectory("kontor-chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Chromium.DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Path shots = SCREENSHOTS.resolve(context.getRequiredTestClass().getSimpleName())
                .resolve(context.getRequiredTestMethod().getName());
        deleteTree(shots);
        Files.createDirectories(shots);
        context.getStore(NAMESPACE).put(StorefrontBrowser.class,
                new StorefrontBrowser(driver, demo.host(), "http://127.0.0.1:" + demo.host().port(), shots, profile));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        StorefrontBrowser browser = context.getStore(NAMESPACE).remove(StorefrontBrowser.class, StorefrontBrowser.class);
        if (browser == null) {
            return;
        }
        try {
            if (context.getExecutionException().isPresent()) {
                browser.screenshot("failure");
            }
        } finally {
            browser.close();
            deleteTree(browser.profile());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == StorefrontBrowser.class || (BrowserHost.class.isAssignableFrom(type)
                && type.isAssignableFrom(context.getRequiredTestClass().getAnnotation(BrowserTest.class).host()));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == StorefrontBrowser.class) {
            return context.getStore(NAMESPACE).get(StorefrontBrowser.class, StorefrontBrowser.class);
        }
        return context.getParent().orElseThrow().getStore(NAMESPACE).get(ClassHost.class, ClassHost.class).starter();
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
