package org.kontor.testplugins.testgateway;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.kontor.api.PluginContext;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentGateway;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.api.payment.RefundRequest;
import org.kontor.api.payment.WebhookRejectedException;
import org.kontor.api.payment.WebhookRequest;
import org.pf4j.Extension;

/**
 * A gateway for tests whose purchase answer depends on the amount's minor digits: .13 is lost (UNDEFINED; asked
 * later it was PROCESSED), .66 is declined (ERROR), .77 is captured at once (PROCESSED), anything else waits for the
 * customer (PENDING with a redirect URL) until a webhook settles it, or {@link #capture} (the customer completing the
 * checkout) makes its status PROCESSED. Its reference is {@code tg-<key>}. The imagined provider's records are the
 * plugin's tables, so every instance and every host sees the same payments; refunds are per key and together never
 * more than the payment.
 *
 * <p>Webhooks are form-encoded ({@code event}, {@code reference}, {@code status}, optional {@code amount} and
 * {@code currency}) and signed: header {@code X-Test-Signature} is {@code sha256=} and the hex HMAC-SHA256 of the body
 * under the {@code webhook.secret} setting.
 */
@Extension
public class TestGateway implements PaymentGateway {

    public static final String SIGNATURE_HEADER = "X-Test-Signature";

    private final PluginContext context;

    public TestGateway(PluginContext context) {
        this.context = context;
    }

    @Override
    public String gatewayId() {
        return "test-gateway";
    }

    @Override
    public Set<PaymentMethodType> methods() {
        return Set.of(PaymentMethodType.CARD);
    }

    @Override
    public boolean supports(Currency currency) {
        return true;
    }

    @Override
    public Outcome<PaymentTransaction> purchase(PaymentRequest request) {
        if (!methods().contains(request.method())) {
            return Outcome.error("method", "the test gateway takes cards only, not " + request.method());
        }
        String reference = reference(request.key());
        Money amount = request.amount();
        Stored payment = context.jdbi().inTransaction(h -> {
            h.createUpdate("INSERT INTO test_gateway_payment (idempotency_key, reference, amount_minor, currency, "
                            + "created_at) VALUES (:key, :reference, :amount, :currency, :at) "
                            + "ON CONFLICT (idempotency_key) DO NOTHING")
                    .bind("key", request.key().value()).bind("reference", reference)
                    .bind("amount", amount.toMinorUnits()).bind("currency", amount.currencyCode())
                    .bind("at", context.clock().millis()).execute();
            return find(h, request.key()).orElseThrow();
        });
        if (!payment.amount().equals(amount)) {
            return Outcome.error("key-reused", "the key " + request.key() + " was used for a payment of "
                    + payment.amount());
        }
        long cents = cents(amount);
        if (cents == 13) {
            return Outcome.undefined("the provider did not answer in time");
        }
        if (cents == 66) {
            return Outcome.error("card_declined", "the card was declined");
        }
        PaymentTransaction transaction = new PaymentTransaction(reference, amount, context.clock().instant(),
                cents == 77 ? null : URI.create("https://pay.test-gateway.example/checkout/" + reference));
        return cents == 77 ? Outcome.processed(transaction, reference)
                : Outcome.pending(transaction, reference, "waiting for the customer");
    }

    @Override
    public Outcome<PaymentTransaction> refund(RefundRequest request) {
        String reference = "tgr-" + request.key().value();
        Money amount = request.amount();
        String refused = context.jdbi().inTransaction(h -> {
            Optional<String> earlier = h.createQuery("SELECT payment_reference FROM test_gateway_refund "
                    + "WHERE idempotency_key = :key").bind("key", request.key().value()).mapTo(String.class).findOne();
            if (earlier.isPresent()) {
                return earlier.get().equals(request.gatewayReference()) ? null
                        : "the key " + request.key() + " was used for a refund of another payment";
            }
            Optional<Stored> payment = h.createQuery("SELECT * FROM test_gateway_payment WHERE reference = :reference")
                    .bind("reference", request.gatewayReference()).map(TestGateway::stored).findOne();
            if (payment.isEmpty()) {
                return "no payment " + request.gatewayReference();
            }
            if (!payment.get().amount().currency().equals(amount.currency())) {
                return "the payment is in " + payment.get().amount().currencyCode();
            }
            if (cents(payment.get().amount()) == 66) {
                return "the payment was declined";
            }
            int booked = h.createUpdate("UPDATE test_gateway_payment SET refunded_minor = refunded_minor + :amount "
                            + "WHERE reference = :reference AND refunded_minor + :amount <= amount_minor")
                    .bind("amount", amount.toMinorUnits()).bind("reference", request.gatewayReference()).execute();
            if (booked != 1) {
                return "refunds would exceed the payment of " + payment.get().amount();
            }
            h.createUpdate("INSERT INTO test_gateway_refund (idempotency_key, reference, payment_reference, amount_minor, "
                            + "currency, created_at) VALUES (:key, :reference, :payment, :amount, :currency, :at)")
                    .bind("key", request.key().value()).bind("reference", reference)
                    .bind("payment", request.gatewayReference()).bind("amount", amount.toMinorUnits())
                    .bind("currency", amount.currencyCode()).bind("at", context.clock().millis()).execute();
            return null;
        });
        if (refused != null) {
            return Outcome.error("refund_refused", refused);
        }
        return Outcome.processed(PaymentTransaction.of(reference, amount, context.clock().instant()), reference);
    }

    @Override
    public Outcome<PaymentTransaction> status(IdempotencyKey key) {
        Optional<Stored> found = context.jdbi().withHandle(h -> find(h, key));
        if (found.isEmpty()) {
            return Outcome.canceled("no payment was made with key " + key);
        }
        Stored payment = found.get();
        long cents = cents(payment.amount());
        PaymentTransaction transaction = PaymentTransaction.of(payment.reference(), payment.amount(),
                context.clock().instant());
        if (cents == 66) {
            return Outcome.error("card_declined", "the card was declined");
        }
        return cents == 13 || cents == 77 || payment.captured() ? Outcome.processed(transaction, payment.reference())
                : Outcome.pending(transaction, payment.reference(), "waiting for the customer");
    }

    /** The customer completes the checkout of the payment made with {@code key}: its status becomes PROCESSED. */
    public void capture(IdempotencyKey key) {
        context.jdbi().useHandle(h -> h.createUpdate("UPDATE test_gateway_payment SET captured = 1 "
                + "WHERE idempotency_key = :key").bind("key", key.value()).execute());
    }

    @Override
    public List<PaymentNotification> handleWebhook(WebhookRequest request) throws WebhookRejectedException {
        String signature = request.header(SIGNATURE_HEADER).orElseThrow(() -> new WebhookRejectedException("unsigned"));
        byte[] expected = ("sha256=" + sign(secret(), request.body())).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII))) {
            throw new WebhookRejectedException("the signature does not match");
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : request.bodyText().split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        try {
            Money amount = fields.containsKey("amount")
                    ? Money.of(fields.get("amount"), fields.getOrDefault("currency", "DKK")) : null;
            if ("REVERSAL".equals(fields.get("kind"))) {
                return List.of(PaymentNotification.reversal(fields.get("event"), fields.get("reference"), amount,
                        fields.get("reason")));
            }
            return List.of(new PaymentNotification(fields.get("event"), fields.get("reference"),
                    OutcomeStatus.valueOf(fields.get("status")), amount));
        } catch (RuntimeException e) {
            throw new WebhookRejectedException("unreadable notification: " + e.getMessage());
        }
    }

    private record Stored(String reference, Money amount, boolean captured) {
    }

    private static Optional<Stored> find(Handle h, IdempotencyKey key) {
        return h.createQuery("SELECT * FROM test_gateway_payment WHERE idempotency_key = :key")
                .bind("key", key.value()).map(TestGateway::stored).findOne();
    }

    private static Stored stored(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Stored(rs.getString("reference"), Money.ofMinor(rs.getLong("amount_minor"),
                Currency.getInstance(rs.getString("currency"))), rs.getInt("captured") == 1);
    }

    private static long cents(Money amount) {
        return Math.abs(amount.toMinorUnits()) % 100;
    }

    /** The provider's reference of the payment made with {@code key}. */
    public static String reference(IdempotencyKey key) {
        return "tg-" + key.value();
    }

    /** The signature header's value for a body: what the provider would send. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private String secret() {
        return context.settings().get(TestGatewaySettings.WEBHOOK_SECRET).orElse(TestGatewaySettings.DEFAULT_SECRET);
    }
}
