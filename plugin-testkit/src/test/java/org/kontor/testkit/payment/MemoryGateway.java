package org.kontor.testkit.payment;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

/**
 * A card gateway over an in-memory provider, correct unless told to break one rule of the contract, so that the kit's
 * own test can see each rule's test fail. Webhooks are form bodies signed {@code memory-signature: t=<epoch>,v1=<hex
 * HMAC-SHA256 of "t.body">}.
 */
class MemoryGateway implements PaymentGateway {

    static final String SIGNATURE = "memory-signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** One rule to break. */
    enum Flaw {
        IGNORES_KEY, THROWS_WHEN_UNREACHABLE, CANCELED_WHEN_UNREACHABLE, REFUNDS_TOO_MUCH, REFUNDS_TWICE,
        NO_SIGNATURE_CHECK, NEW_ID_EACH_DELIVERY, NO_TIMESTAMP_CHECK, THROWS_ON_GARBAGE, TAKES_ANY_METHOD,
        UNDEFINED_FOR_UNKNOWN_KEY
    }

    private final MemoryProvider provider;
    private final String secret;
    private final Clock clock;
    private final boolean reachable;
    private final Set<Flaw> flaws;

    MemoryGateway(MemoryProvider provider, String secret, Clock clock, boolean reachable, Set<Flaw> flaws) {
        this.provider = provider;
        this.secret = secret;
        this.clock = clock;
        this.reachable = reachable;
        this.flaws = flaws;
    }

    @Override
    public String gatewayId() {
        return "memory";
    }

    @Override
    public Set<PaymentMethodType> methods() {
        return Set.of(PaymentMethodType.CARD);
    }

    @Override
    public boolean supports(Currency currency) {
        return Set.of("EUR", "DKK").contains(currency.getCurrencyCode());
    }

    @Override
    public Outcome<PaymentTransaction> purchase(PaymentRequest request) {
        if (!methods().contains(request.method()) && !flaws.contains(Flaw.TAKES_ANY_METHOD)) {
            return Outcome.error("method", "cards only");
        }
        if (!supports(request.amount().currency())) {
            return Outcome.error("currency", "not in " + request.amount().currencyCode());
        }
        if (!reachable) {
            return unreachable();
        }
        String key = flaws.contains(Flaw.IGNORES_KEY) ? UUID.randomUUID().toString() : request.key().value();
        MemoryProvider.Payment payment = provider.charge(key, request.amount());
        if (!payment.amount().equals(request.amount())) {
            return Outcome.error("key-reused", "the key was used for " + payment.amount());
        }
        return answer(payment);
    }

    @Override
    public Outcome<PaymentTransaction> refund(RefundRequest request) {
        if (!reachable) {
            return unreachable();
        }
        String key = flaws.contains(Flaw.REFUNDS_TWICE) ? UUID.randomUUID().toString() : request.key().value();
        return provider.refund(key, request.gatewayReference(), request.amount(), flaws.contains(Flaw.REFUNDS_TOO_MUCH))
                .map(refund -> Outcome.processed(PaymentTransaction.of(refund, request.amount(), clock.instant()), refund))
                .orElseGet(() -> Outcome.error("refund-refused", "the provider refused the refund"));
    }

    @Override
    public Outcome<PaymentTransaction> status(IdempotencyKey key) {
        if (!reachable) {
            return unreachable();
        }
        return provider.payment(key.value()).map(this::answer).orElseGet(() -> flaws.contains(Flaw.UNDEFINED_FOR_UNKNOWN_KEY)
                ? Outcome.undefined("no idea") : Outcome.canceled("no payment under " + key));
    }

    @Override
    public List<PaymentNotification> handleWebhook(WebhookRequest request) throws WebhookRejectedException {
        if (flaws.contains(Flaw.THROWS_ON_GARBAGE) && request.body().length == 0) {
            throw new IllegalArgumentException("empty");
        }
        String body = request.bodyText();
        if (!flaws.contains(Flaw.NO_SIGNATURE_CHECK)) {
            Map<String, String> parts = fields(request.header(SIGNATURE).orElseThrow(
                    () -> new WebhookRejectedException("unsigned")), ",");
            String t = parts.getOrDefault("t", "");
            if (!t.matches("\\d{1,12}")) {
                throw new WebhookRejectedException("no timestamp");
            }
            byte[] expected = hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, parts.getOrDefault("v1", "").getBytes(StandardCharsets.US_ASCII))) {
                throw new WebhookRejectedException("the signature does not match");
            }
            Instant signed = Instant.ofEpochSecond(Long.parseLong(t));
            if (!flaws.contains(Flaw.NO_TIMESTAMP_CHECK) && signed.isBefore(clock.instant().minus(TOLERANCE))) {
                throw new WebhookRejectedException("signed too long ago");
            }
        }
        Map<String, String> fields = fields(body, "&");
        try {
            String id = fields.get("id") + (flaws.contains(Flaw.NEW_ID_EACH_DELIVERY) ? UUID.randomUUID() : "");
            if ("REVERSAL".equals(fields.get("status"))) {
                return List.of(PaymentNotification.reversal(id, fields.get("reference"), eur(fields.get("amount")),
                        "chargeback"));
            }
            return List.of(new PaymentNotification(id, fields.get("reference"), OutcomeStatus.valueOf(fields.get("status")),
                    null));
        } catch (RuntimeException e) {
            throw new WebhookRejectedException("unreadable: " + e.getMessage());
        }
    }

    /** The signature header's value the provider sends for a body signed at {@code at}. */
    static String signature(String secret, Instant at, String body) {
        return "t=" + at.getEpochSecond() + ",v1=" + hmac(secret, at.getEpochSecond() + "." + body);
    }

    private Outcome<PaymentTransaction> unreachable() {
        if (flaws.contains(Flaw.THROWS_WHEN_UNREACHABLE)) {
            throw new IllegalStateException("connection refused");
        }
        if (flaws.contains(Flaw.CANCELED_WHEN_UNREACHABLE)) {
            return Outcome.canceled("connection refused");
        }
        return Outcome.undefined("connection refused");
    }

    private Outcome<PaymentTransaction> answer(MemoryProvider.Payment payment) {
        PaymentTransaction transaction = new PaymentTransaction(payment.reference(), payment.amount(), clock.instant(),
                payment.captured() ? null : URI.create("https://pay.memory.example/" + payment.reference()));
        return payment.captured() ? Outcome.processed(transaction, payment.reference())
                : Outcome.pending(transaction, payment.reference(), "waiting for the customer");
    }

    private static Map<String, String> fields(String text, String separator) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : text.split(separator)) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, equals).strip(), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1).strip(), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
