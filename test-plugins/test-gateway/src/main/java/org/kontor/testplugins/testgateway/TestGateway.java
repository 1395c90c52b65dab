package org.kontor.testplugins.testgateway;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Currency;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * customer (PENDING with a redirect URL) until a webhook settles it. Its reference is {@code tg-<key>}.
 *
 * <p>Webhooks are form-encoded ({@code event}, {@code reference}, {@code status}, optional {@code amount} and
 * {@code currency}) and signed: header {@code X-Test-Signature} is {@code sha256=} and the hex HMAC-SHA256 of the body
 * under the {@code webhook.secret} setting.
 */
@Extension
public class TestGateway implements PaymentGateway {

    public static final String SIGNATURE_HEADER = "X-Test-Signature";

    private final PluginContext context;
    private final Map<String, Money> purchases = new ConcurrentHashMap<>();

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
        String reference = reference(request.key());
        purchases.put(request.key().value(), request.amount());
        long cents = Math.abs(request.amount().toMinorUnits()) % 100;
        if (cents == 13) {
            return Outcome.undefined("the provider did not answer in time");
        }
        if (cents == 66) {
            return Outcome.error("card_declined", "the card was declined");
        }
        PaymentTransaction transaction = new PaymentTransaction(reference, request.amount(), context.clock().instant(),
                cents == 77 ? null : URI.create("https://pay.test-gateway.example/checkout/" + reference));
        return cents == 77 ? Outcome.processed(transaction, reference)
                : Outcome.pending(transaction, reference, "waiting for the customer");
    }

    @Override
    public Outcome<PaymentTransaction> refund(RefundRequest request) {
        String reference = "tgr-" + request.key().value();
        return Outcome.processed(PaymentTransaction.of(reference, request.amount(), context.clock().instant()), reference);
    }

    @Override
    public Outcome<PaymentTransaction> status(IdempotencyKey key) {
        Money amount = purchases.get(key.value());
        if (amount == null) {
            return Outcome.canceled("no payment was made with key " + key);
        }
        long cents = Math.abs(amount.toMinorUnits()) % 100;
        String reference = reference(key);
        PaymentTransaction transaction = PaymentTransaction.of(reference, amount, context.clock().instant());
        if (cents == 66) {
            return Outcome.error("card_declined", "the card was declined");
        }
        return cents == 13 || cents == 77 ? Outcome.processed(transaction, reference)
                : Outcome.pending(transaction, reference, "waiting for the customer");
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
