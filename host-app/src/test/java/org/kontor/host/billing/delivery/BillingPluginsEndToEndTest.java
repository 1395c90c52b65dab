package org.kontor.host.billing.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.money.Money;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.tax.VatIdCheck;
import org.kontor.api.tax.VatIdStatus;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.billing.DraftLine;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.NewDraft;
import org.kontor.host.billing.Series;
import org.kontor.host.billing.profile.BillingProfile;
import org.kontor.host.billing.profile.Delivery;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.SignUp;
import org.kontor.host.mail.MailTestServer;
import org.kontor.host.plugins.TestPlugins;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * The shipped plugins in a running host: {@code billing.letter-post.provider=letter-post-sandbox} writes the letter into
 * the sandbox's outbox once per document beside the e-mail, and {@code billing.vat-id-validator=vies} asks VIES (here
 * a local server answering as VIES does).
 */
@DatabaseTest
class BillingPluginsEndToEndTest {

    private KontorHost host;
    private MailTestServer smtp;
    private HttpServer vies;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        if (smtp != null) {
            smtp.close();
        }
        if (vies != null) {
            vies.stop(0);
        }
    }

    @DbTest
    void theSandboxPostsEachDocumentOnceAndViesChecksVatIds(Database database) throws Exception {
        smtp = new MailTestServer().start();
        vies = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        vies.createContext("/rest-api/check-vat-number", exchange -> {
            byte[] answer = ("{\"countryCode\":\"DE\",\"vatNumber\":\"811907980\",\"valid\":true,"
                    + "\"requestIdentifier\":\"\",\"name\":\"Muster GmbH\",\"address\":\"Berlin\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        vies.start();
        Path data = Files.createTempDirectory("kontor-delivery-test");
        Path plugins = TestPlugins.deploy(data.resolve("plugins"), "letter-post-sandbox", "vies");
        Map<String, String> environment = new HashMap<>();
        environment.put("KONTOR_DATA_DIR", data.toString());
        environment.put("KONTOR_DB_URL", database.config().jdbcUrl());
        environment.put("KONTOR_PLUGINS_DIR", plugins.toString());
        environment.put("KONTOR_HTTP_PORT", "0");
        environment.put("KONTOR_JOBS_ENABLED", "false");
        environment.put("KONTOR_MAIL_SMTP_HOST", MailTestServer.HOST);
        environment.put("KONTOR_MAIL_SMTP_PORT", Integer.toString(smtp.port()));
        environment.put("KONTOR_BILLING_LETTER_POST_PROVIDER", "letter-post-sandbox");
        environment.put("KONTOR_BILLING_VAT_ID_VALIDATOR", "vies");
        host = KontorHost.start(new ConfigLoader(environment, new Properties()).load(null, false), Clock.systemUTC());
        assertThat(host.plugins().activePluginIds()).contains("letter-post-sandbox", "vies");
        host.pluginSettings().save("vies", List.of(SettingField.of("base-url", SettingType.URL, "VIES", false, null)),
                Map.of("base-url", "http://127.0.0.1:" + vies.getAddress().getPort() + "/rest-api"));

        VatIdCheck check = host.billing().vatIds().validate("DE", "DE811907980");
        assertThat(check.status()).isEqualTo(VatIdStatus.VALID);
        assertThat(check.holderName()).as("VIES's answer, not the offline check's").isEqualTo("Muster GmbH");

        Customer customer = host.customers().signUp(new SignUp("post-" + System.nanoTime() + "@example.dk",
                "en god lang adgangskode", "Karen Kunde", null, "DK", "da", null));
        host.billing().profiles().save(new BillingProfile(customer.id(), List.of("Æblevej 12"), "8000", "Aarhus C",
                null, null, null, Delivery.EMAIL_AND_POST, false, false));
        String draft = host.billing().store().createDraft(new NewDraft(Series.INVOICE, customer.id(), null, "da",
                java.util.Currency.getInstance("DKK"), null,
                List.of(DraftLine.of("Webhotel, 1 år", "1", Money.of("480.00", "DKK")))));
        Invoice invoice = host.billing().invoicing().issue(draft, host.billing().profiles().buyer(customer.id()).orElseThrow());

        host.billing().deliveries().deliver(invoice.id());
        host.billing().deliveries().deliver(invoice.id());
        host.billing().deliveries().runDue();

        Path outbox = data.resolve("plugin-data").resolve("letter-post-sandbox").resolve("outbox");
        // Issuing also announced the document, and the host's own listener may be sending it at this moment.
        for (int wait = 0; wait < 100 && !Files.isRegularFile(outbox.resolve(invoice.number() + ".json")); wait++) {
            Thread.sleep(100);
            host.billing().deliveries().runDue();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> !name.startsWith(".")))
                    .containsExactlyInAnyOrder(invoice.number() + ".pdf", invoice.number() + ".json");
        }
        try (PDDocument letter = Loader.loadPDF(Files.readAllBytes(outbox.resolve(invoice.number() + ".pdf")))) {
            PDFTextStripper text = new PDFTextStripper();
            text.setEndPage(1);
            assertThat(text.getText(letter)).contains("Karen Kunde", "Æblevej 12", "8000 Aarhus C", "DENMARK");
            assertThat(new PDFTextStripper().getText(letter)).contains(invoice.number(), "Webhotel, 1 år");
        }
        assertThat(host.billing().deliveries().deliveries(invoice.id()))
                .filteredOn(entry -> entry.channel() == DeliveryChannel.POST).singleElement().satisfies(entry -> {
                    assertThat(entry.state()).isEqualTo(DeliveryState.SENT);
                    assertThat(entry.provider()).isEqualTo("letter-post-sandbox");
                    assertThat(entry.providerReference()).startsWith("LPS-");
                });
        assertThat(smtp.greenMail().waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage[] mails = smtp.greenMail().getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).contains(invoice.number());
    }

}
