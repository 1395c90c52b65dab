package org.kontor.host.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.customers.Browser;
import org.kontor.host.customers.CustomerHost;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/** Every response carries the security headers; the session cookie its flags; no template needs inline script. */
@DatabaseTest(migrateHost = true)
class SecurityHeadersTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern JAVASCRIPT_URL = Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE);

    private final TestClock clock = TestClock.at(Instant.parse("2030-03-01T10:00:00Z"));

    @DbTest
    void pagesApiAnswersErrorsAndAssetsCarryTheHeaders(Database database) throws Exception {
        try (KontorHost host = CustomerHost.start(database, clock, Map.of())) {
            Browser browser = new Browser(host.port());
            List<HttpResponse<String>> answers = List.of(browser.page("/account/signin"), browser.get("/api/v1/session"),
                    browser.get("/api/v1/plugins"), browser.page("/no/such/page"),
                    browser.get("/assets/js/forms.js"));

            assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 200, 401, 404, 200);
            for (HttpResponse<String> answer : answers) {
                String csp = answer.headers().firstValue("Content-Security-Policy").orElse("");
                assertThat(csp).as(answer.uri().toString())
                        .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'",
                                "base-uri 'self'", "form-action 'self' https:")
                        .doesNotContain("unsafe-inline", "unsafe-eval");
                assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
                assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
            }
        }
    }

    @DbTest
    void theSessionCookieIsHttpOnlyAndLaxAndSecureOverHttps(Database database) throws Exception {
        try (KontorHost host = CustomerHost.start(database, clock, Map.of())) {
            String plain = sessionCookie(new Browser(host.port()).page("/account/signin"));
            String proxied = sessionCookie(new Browser(host.port()).get("/account/signin", "Accept", "text/html",
                    "X-Forwarded-Proto", "https"));

            assertThat(plain).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                    .doesNotContainIgnoringCase("Secure;").doesNotEndWithIgnoringCase("Secure");
            assertThat(proxied).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("Secure");
        }
        try (KontorHost host = CustomerHost.start(database, clock, Map.of("KONTOR_HTTP_PUBLIC_URL", "https://shop.example"))) {
            assertThat(sessionCookie(new Browser(host.port()).page("/account/signin")))
                    .as("the public address is https").containsIgnoringCase("Secure");
        }
    }

    @Test
    void noThemeOrPluginTemplateUsesInlineScript() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> templates;
        try (Stream<Path> files = Stream.concat(Files.walk(root.resolve("themes")), Files.walk(root.resolve("plugins")))) {
            templates = files.filter(file -> file.toString().endsWith(".ftlh") && !file.toString().contains("/target/")
                    && !file.toString().endsWith("billing/invoice.ftlh")).toList();
        }
        assertThat(templates).as("templates found").hasSizeGreaterThan(10);
        for (Path template : templates) {
            String text = read(template);
            assertThat(INLINE_SCRIPT.matcher(text).find()).as("inline <script> in %s", template).isFalse();
            assertThat(EVENT_HANDLER.matcher(text).find()).as("event handler attribute in %s", template).isFalse();
            assertThat(JAVASCRIPT_URL.matcher(text).find()).as("javascript: URL in %s", template).isFalse();
            assertThat(text).as("style attribute in %s", template).doesNotContain(" style=\"");
        }
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith(WebSessions.COOKIE + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
