package org.kontor.plugins.banktransfer;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.database.Database;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.RecordingMailer;
import org.kontor.testkit.TestClock;
import org.kontor.testkit.TestPluginContext;

/** The plugin's context over a test database with a Danish and a Czech operator's account, and payments to match. */
public final class Fixtures {

    public static final String PLUGIN_ID = "payment-bank-transfer";

    private Fixtures() {
    }

    public static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put(BankTransferSettings.HOLDER, "Kontor Hosting ApS");
        settings.put(BankTransferSettings.IBAN, "DK50 0040 0440 1162 43");
        settings.put(BankTransferSettings.BIC, "DABADKKK");
        settings.put(BankTransferSettings.BANK_NAME, "Danske Bank");
        settings.put(BankTransferSettings.FI_CREDITOR, "81234567");
        settings.put(BankTransferSettings.CURRENCIES, "DKK,EUR,CZK");
        settings.put(BankTransferSettings.CONSTANT_SYMBOL, "0308");
        return settings;
    }

    public static TestPluginContext context(Database database, Map<String, String> settings) {
        return new TestPluginContext(PLUGIN_ID, database.jdbi(), TestClock.at(Instant.parse("2026-11-20T10:00:00Z")),
                new RecordingEvents(), new RecordingMailer(), settings);
    }

    /** A unique key per test run, so payments of the SQLite and PostgreSQL runs and of several tests never meet. */
    public static IdempotencyKey key(String name) {
        return IdempotencyKey.of("pay:" + name + ":" + System.nanoTime());
    }

    public static Outcome<PaymentTransaction> purchase(BankTransferGateway gateway, String name, String amount,
                                                       String currency, String referenceNumber, String customer) {
        Map<String, String> metadata = referenceNumber == null ? Map.of()
                : Map.of(BankTransferGateway.REFERENCE_NUMBER, referenceNumber);
        return gateway.purchase(new PaymentRequest(key(name), Money.of(amount, currency), PaymentMethodType.BANK_TRANSFER,
                name, "Invoice " + name, customer, null, null, metadata));
    }

    public static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/statements/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
