package org.kontor.it.guide;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.api.PluginApi;
import org.kontor.api.payment.PaymentGateway;
import org.kontor.api.payment.WebhookRequest;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.SignUp;
import org.kontor.host.plugins.Contribution;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.payment.PaymentGatewayConformance;

/**
 * PLT-3: a new gateway written in an empty folder from the plugin guide alone. The files of the guide's chapter
 * "Writing a payment gateway" are written out, compiled and packaged as its pom says, the zip is loaded into a real
 * host, which pays and refunds an invoice through it and books a chargeback (its provider being the guide's fake),
 * and the guide's conformance test passes the whole kit. A guide whose code breaks fails here.
 */
@DatabaseTest
class PluginGuideGatewayTest {

    private static final Path GUIDE = Path.of("../docs/plugin-guide.md");
    private static final String CHAPTER = "## Writing a payment gateway";
    private static final String API_KEY = "sk_guide_1";
    private static final String WEBHOOK_SECRET = "whsec_guide_1";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private KontorHost host;
    private AutoCloseable provider;
    private URLClassLoader loader;

    @AfterEach
    void stop() throws Exception {
        if (host != null) {
            host.close();
        }
        if (provider != null) {
            provider.close();
        }
        if (loader != null) {
            loader.close();
        }
    }

    @Test
    void theGuidesProjectIsAParentlessPluginOnTheApiWithTheTestKit(@TempDir Path folder) throws Exception {
        GuideProject project = GuideProject.write(folder.resolve("acme-pay"), chapterFiles());

        assertThat(project.hasParent()).as("the guide's pom has no parent").isFalse();
        GuideProject.Dependency api = project.dependency("org.kontor", "kontor-plugin-api").orElseThrow();
        assertThat(api.scope()).isEqualTo("provided");
        assertThat(api.version()).as("the API the guide builds on: the one its test kit is built on")
                .isEqualTo(PluginApi.version());
        GuideProject.Dependency testkit = project.dependency("org.kontor", "kontor-plugin-testkit").orElseThrow();
        assertThat(testkit.scope()).isEqualTo("test");
        GuideProject kontor = GuideProject.read(Path.of(".."));
        assertThat(testkit.version()).as("the test kit of this Kontor").isEqualTo(kontor.property("kontor.version"));
        assertThat(project.property("pf4j.version")).as("pf4j, whose annotation processor indexes the extensions")
                .isEqualTo(kontor.property("pf4j.version"));
        assertThat(project.property("junit.version")).as("JUnit, the test kit's").isEqualTo(kontor.property("junit.version"));
        assertThat(project.annotationProcessors()).contains("org.pf4j.processor.ExtensionAnnotationProcessor");
        Properties descriptor = pluginProperties(project);
        assertThat(descriptor.getProperty("plugin.version")).as("plugin.version and the pom's version")
                .isEqualTo(project.version());
        assertThat(descriptor.getProperty("plugin.requires")).isNotBlank();
    }

    @DbTest
    void theGuidesGatewayIsLoadedByAHostThatPaysRefundsAndBooksChargebacksThroughIt(Database database, @TempDir Path folder)
            throws Exception {
        GuideProject project = GuideProject.write(folder.resolve("acme-pay"), chapterFiles());
        Path classes = project.compileMain(TestClasspath.entries());
        Path testClasses = project.compileTests(TestClasspath.entries());
        Path zip = project.packageZip();
        String pluginId = pluginProperties(project).getProperty("plugin.id");
        assertThat(Files.readString(classes.resolve("META-INF/extensions.idx")))
                .as("the extensions pf4j's annotation processor listed").contains("Gateway", "Settings");
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertThat(file.getEntry("plugin.properties")).as("plugin.properties at the zip's root").isNotNull();
        }

        Path data = folder.resolve("kontor");
        Path plugins = Files.createDirectories(data.resolve("plugins"));
        Files.copy(zip, plugins.resolve(zip.getFileName()));
        host = startHost(database, data, plugins);
        String admin = host.apiTokens().issue("operator-guide", Access.ADMIN, "test");

        JsonNode plugin = read(send("GET", "/api/v1/plugins/" + pluginId, admin, null, null));
        assertThat(plugin.path("state").asText()).as(plugin.toString()).isEqualTo("STARTED");
        PaymentGateway gateway = host.plugins().of(PaymentGateway.class).stream()
                .filter(c -> c.pluginId().equals(pluginId)).map(Contribution::extension).findFirst().orElseThrow();

        loader = new URLClassLoader(new URL[] {classes.toUri().toURL(), testClasses.toUri().toURL()},
                getClass().getClassLoader());
        Class<?> fake = loader.loadClass(className(testSource(project, "Fake", "")));
        provider = (AutoCloseable) fake.getConstructor(String.class, String.class).newInstance(API_KEY, WEBHOOK_SECRET);
        HttpResponse<String> saved = send("PUT", "/api/v1/plugins/" + pluginId + "/settings", admin, Map.of(
                "api.url", fake.getMethod("url").invoke(provider), "api.key", API_KEY,
                "webhook.secret", WEBHOOK_SECRET), null);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        Customer customer = customer();
        String token = host.apiTokens().issue(customer.id(), Access.CUSTOMER, "test");
        String invoiceId = issuedInvoice(admin, customer, "125.00");
        HttpResponse<String> paying = send("POST", "/api/v1/payments", token, Map.of("purpose", "INVOICE",
                "targetId", invoiceId, "gateway", gateway.gatewayId()), "guide-pay-" + invoiceId);
        assertThat(paying.statusCode()).as(paying.body()).isEqualTo(201);
        JsonNode payment = read(paying);
        assertThat(payment.path("status").asText()).as(paying.body()).isEqualTo("PENDING");
        assertThat(payment.path("redirectUrl").asText()).startsWith("https://");
        String reference = payment.path("providerReference").asText();
        String paymentId = payment.path("id").asText();

        fake.getMethod("complete", String.class).invoke(provider, reference);
        WebhookRequest notification = (WebhookRequest) fake.getMethod("notification", String.class, String.class,
                String.class, Instant.class).invoke(provider, "evt_" + UUID.randomUUID(), reference, "succeeded",
                Instant.now());
        HttpResponse<String> delivered = webhook(pluginId, notification);
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        assertThat(read(delivered).path("state").asText()).as(delivered.body()).isEqualTo("PROCESSED");
        assertThat(read(send("GET", "/api/v1/payments/" + paymentId, token, null, null)).path("status").asText())
                .isEqualTo("PROCESSED");
        assertThat(read(send("GET", "/api/v1/admin/invoices/" + invoiceId, admin, null, null)).path("state").asText())
                .isEqualTo("PAID");
        HttpResponse<String> forged = webhook(pluginId, new WebhookRequest(notification.headers(),
                notification.bodyText().replace("succeeded", "failed").getBytes(), "127.0.0.1"));
        assertThat(forged.statusCode()).as("a notification changed after signing").isEqualTo(400);

        HttpResponse<String> refunded = send("POST", "/api/v1/admin/payments/" + paymentId + "/refund", admin,
                Map.of("amount", Map.of("amount", "25.00", "currency", "DKK"), "reason", "goodwill"),
                "guide-refund-" + paymentId);
        assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(201);
        assertThat(read(refunded).path("status").asText()).as(refunded.body()).isEqualTo("PROCESSED");

        String disputed = issuedInvoice(admin, customer, "40.00");
        JsonNode second = read(send("POST", "/api/v1/payments", token, Map.of("purpose", "INVOICE",
                "targetId", disputed, "gateway", gateway.gatewayId()), "guide-pay-" + disputed));
        String secondReference = second.path("providerReference").asText();
        fake.getMethod("complete", String.class).invoke(provider, secondReference);
        for (String status : List.of("succeeded", "charged_back")) {
            WebhookRequest event = (WebhookRequest) fake.getMethod("notification", String.class, String.class,
                    String.class, Instant.class).invoke(provider, "evt_" + UUID.randomUUID(), secondReference, status,
                    Instant.now());
            HttpResponse<String> answer = webhook(pluginId, event);
            assertThat(read(answer).path("state").asText()).as(status + ": " + answer.body()).isEqualTo("PROCESSED");
        }
        assertThat(read(send("GET", "/api/v1/admin/invoices/" + disputed, admin, null, null)).path("state").asText())
                .as("an invoice whose payment was charged back is open again").isEqualTo("ISSUED");
    }

    @Test
    void theGuidesTestPassesTheWholeConformanceKit(@TempDir Path folder) throws Exception {
        KitRun run = runGuideTest(chapterFiles(), folder);

        assertThat(run.failed()).as("the guide's conformance test").isEmpty();
        assertThat(run.skipped()).isEmpty();
        assertThat(run.passed()).as("tests of the kit that ran").hasSizeGreaterThanOrEqualTo(kitTests());
    }

    @Test
    void aGuideWhoseGatewayIgnoresTheSignatureFailsTheKit(@TempDir Path folder) throws Exception {
        Map<String, String> files = new LinkedHashMap<>(chapterFiles());
        String check = "if (!MessageDigest.isEqual(expected, given)) {";
        String path = files.keySet().stream().filter(p -> files.get(p).contains(check)).findFirst()
                .orElseThrow(() -> new AssertionError("the guide's signature check changed: update this test"));
        files.put(path, files.get(path).replace(check, "if (expected == null) {"));

        KitRun run = runGuideTest(files, folder);

        assertThat(run.failed()).as("the kit's verdict on a gateway that takes forged notifications")
                .anyMatch(failure -> failure.startsWith("aTamperedNotificationIsRejectedAndChangesNothing"))
                .anyMatch(failure -> failure.startsWith("whatCannotBeReadIsRejectedNeverAFailure"));
    }

    private KitRun runGuideTest(Map<String, String> files, Path folder) throws Exception {
        GuideProject project = GuideProject.write(folder.resolve("acme-pay"), files);
        Path classes = project.compileMain(TestClasspath.entries());
        Path testClasses = project.compileTests(TestClasspath.entries());
        String test = testSource(project, "", "extends PaymentGatewayConformance");
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL(), testClasses.toUri().toURL()},
                getClass().getClassLoader());
        return KitRun.of(loader.loadClass(className(test)));
    }

    private static Map<String, String> chapterFiles() throws Exception {
        Map<String, String> files = GuideChapter.files(Files.readString(GUIDE), CHAPTER);
        assertThat(files).as("the files the chapter shows").containsKeys("pom.xml",
                "src/main/resources/plugin.properties");
        return files;
    }

    /** The number of tests the kit declares. */
    private static int kitTests() {
        return Arrays.stream(PaymentGatewayConformance.class.getDeclaredMethods())
                .filter((Method m) -> m.isAnnotationPresent(Test.class)).mapToInt(m -> 1).sum();
    }

    /** The one test source whose file name starts with {@code prefix} and whose text has {@code text}. */
    private static String testSource(GuideProject project, String prefix, String text) throws Exception {
        Path sources = project.root().resolve("src/test/java");
        List<Path> found = new java.util.ArrayList<>();
        try (var files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (file.getFileName().toString().startsWith(prefix) && Files.readString(file).contains(text)) {
                    found.add(file);
                }
            }
        }
        assertThat(found).as("the guide's test source named " + prefix + "* with '" + text + "'").hasSize(1);
        return sources.relativize(found.get(0)).toString();
    }

    private static String className(String source) {
        return source.substring(0, source.length() - ".java".length()).replace('/', '.').replace('\\', '.');
    }

    private static Properties pluginProperties(GuideProject project) throws Exception {
        Properties properties = new Properties();
        Path file = project.root().resolve("src/main/resources/plugin.properties");
        properties.load(new StringReader(Files.readString(file)));
        return properties;
    }

    private static KontorHost startHost(Database database, Path data, Path plugins) {
        Map<String, String> environment = new HashMap<>();
        environment.put("KONTOR_DATA_DIR", data.toString());
        environment.put("KONTOR_DB_URL", database.config().jdbcUrl());
        environment.put("KONTOR_PLUGINS_DIR", plugins.toString());
        environment.put("KONTOR_HTTP_PORT", "0");
        environment.put("KONTOR_JOBS_ENABLED", "false");
        environment.put("KONTOR_CUSTOMERS_PASSWORD_MEMORY_KIB", "1024");
        environment.put("KONTOR_CUSTOMERS_PASSWORD_ITERATIONS", "1");
        return KontorHost.start(new ConfigLoader(environment, new Properties()).load(null, false), Clock.systemUTC());
    }

    private Customer customer() {
        String id = "guide-" + UUID.randomUUID().toString().substring(0, 8);
        return host.customers().create(id, new SignUp(id + "@example.com", "correct horse battery", "Guide Reader",
                null, "DK", "en", "DKK"), Access.CUSTOMER);
    }

    /** An issued invoice of one line without VAT, so that its total is {@code amount}; its id. */
    private String issuedInvoice(String admin, Customer customer, String amount) throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/admin/invoices", admin, Map.of("customerId", customer.id(),
                "lines", List.of(Map.of("description", "Hosting", "quantity", "1", "unitPrice", amount, "vatRate", "0"))),
                null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = read(created).get("id").asText();
        HttpResponse<String> issued = send("POST", "/api/v1/admin/invoices/" + id + "/issue", admin, null, null);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return id;
    }

    private HttpResponse<String> webhook(String pluginId, WebhookRequest notification) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + "/hooks/"
                + pluginId)).POST(HttpRequest.BodyPublishers.ofByteArray(notification.body()));
        notification.headers().forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String token, Object body, String key)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode read(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }
}
