package org.kontor.plugins.sepa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.kontor.api.PluginContext;
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
import org.kontor.plugins.sepa.SepaSettings.Creditor;
import org.kontor.plugins.sepa.collection.BusinessDays;
import org.kontor.plugins.sepa.collection.Collection;
import org.kontor.plugins.sepa.collection.Collections;
import org.kontor.plugins.sepa.file.CollectionFiles;
import org.kontor.plugins.sepa.mandate.SequenceType;
import org.kontor.plugins.sepa.returns.ReturnNotice;
import org.pf4j.Extension;

/**
 * SEPA direct debit as a payment gateway. A purchase records a collection under the customer's active mandate,
 * due after the pre-notification period, pre-notifies the debtor and answers PENDING with the end-to-end id as the
 * gateway reference; it is PROCESSED once it was submitted and the return window after the due date passed, ERROR
 * with the bank's reason code when it came back. Signed return notices reach {@code /hooks/payment-sepa/}.
 */
@Extension
public class SepaGateway implements PaymentGateway {

    public static final String GATEWAY_ID = "sepa-direct-debit";
    /** Metadata key: {@code FNAL} asks for the final collection under a recurring mandate. */
    public static final String SEQUENCE_METADATA = "sepa.sequence";
    public static final String SIGNATURE_HEADER = "x-kontor-signature";

    private static final Currency EUR = Collections.EUR;

    private final PluginContext context;
    private final Sepa sepa;

    public SepaGateway(PluginContext context) {
        this.context = context;
        this.sepa = Sepa.of(context);
    }

    @Override
    public String gatewayId() {
        return GATEWAY_ID;
    }

    @Override
    public Set<PaymentMethodType> methods() {
        return Set.of(PaymentMethodType.SEPA_DIRECT_DEBIT);
    }

    @Override
    public boolean supports(Currency currency) {
        return EUR.equals(currency);
    }

    @Override
    public Outcome<PaymentTransaction> purchase(PaymentRequest request) {
        if (request.method() != PaymentMethodType.SEPA_DIRECT_DEBIT) {
            return Outcome.error("method", "this gateway takes SEPA direct debits only, not " + request.method());
        }
        if (!supports(request.amount().currency())) {
            return Outcome.error("currency", "SEPA direct debits are in EUR only");
        }
        if (request.customerId() == null) {
            return Outcome.error("no-customer", "a direct debit needs the customer whose mandate to use");
        }
        Creditor creditor;
        try {
            creditor = sepa.files().creditor();
        } catch (IllegalStateException | SepaException e) {
            return Outcome.error("not-configured", "the creditor's SEPA details are missing or invalid");
        }
        LocalDate today = LocalDate.now(context.clock().withZone(ZoneOffset.UTC));
        LocalDate due = CollectionFiles.dueDates(context.settings()).dueDate(today);
        boolean last = SequenceType.FNAL.name().equals(request.metadata().get(SEQUENCE_METADATA));
        Collections.Recorded recorded;
        try {
            recorded = sepa.collections().record(request.key(), request.customerId(), request.amount(),
                    request.reference(), request.description(), due, last);
        } catch (SepaException e) {
            return Outcome.error(e.reason() == SepaException.Reason.NOT_FOUND ? "no-mandate" : "refused", e.getMessage());
        }
        Collection c = recorded.collection();
        sepa.notices().send(c, recorded.mandate(), creditor.name(), creditor.creditorId());
        return Outcome.pending(transaction(c), c.endToEndId(), "collection due on " + c.dueDate());
    }

    /** A refund of a direct debit is a credit transfer the operator makes; this gateway cannot send one. */
    @Override
    public Outcome<PaymentTransaction> refund(RefundRequest request) {
        return Outcome.error("unsupported", "refund SEPA direct debits by credit transfer to the debtor's IBAN");
    }

    @Override
    public Outcome<PaymentTransaction> status(IdempotencyKey key) {
        Optional<Collections.Recorded> found = sepa.collections().byKey(key);
        if (found.isEmpty()) {
            return Outcome.canceled("no collection was recorded under this key");
        }
        Collection c = found.get().collection();
        return switch (c.state()) {
            case PENDING -> Outcome.pending(transaction(c), c.endToEndId(), "due on " + c.dueDate() + ", not yet submitted");
            case SUBMITTED -> settled(c)
                    ? Outcome.processed(transaction(c), c.endToEndId())
                    : Outcome.pending(transaction(c), c.endToEndId(), "submitted, due on " + c.dueDate());
            case RETURNED -> new Outcome<>(OutcomeStatus.ERROR, transaction(c), c.reasonCode(),
                    "returned by the bank: " + c.reasonCode(), c.endToEndId());
        };
    }

    /**
     * Return notices a bank connector posts: {@code {"returns":[{"endToEndId":"…","reasonCode":"AM04"}]}}, signed with
     * {@code X-Kontor-Signature: sha256=<hex HMAC-SHA256 of the body>} under the {@code returns.webhook-secret} setting.
     * The same notice again answers the notification recorded the first time: the host may process a stored request
     * again (a retry after a failure, the operator's replay) and applies each notification id once.
     */
    @Override
    public List<PaymentNotification> handleWebhook(WebhookRequest request) throws WebhookRejectedException {
        String secret = context.settings().get(SepaSettings.RETURNS_WEBHOOK_SECRET).orElse("");
        if (secret.isBlank()) {
            throw new WebhookRejectedException("no secret for return notices is configured");
        }
        byte[] expected = ("sha256=" + hmac(secret, request.body())).getBytes(StandardCharsets.US_ASCII);
        byte[] given = request.header(SIGNATURE_HEADER).orElse("").getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new WebhookRejectedException("the signature does not match");
        }
        List<ReturnNotice> notices = new ArrayList<>();
        try {
            JsonNode returns = new ObjectMapper().readTree(request.body()).path("returns");
            for (JsonNode item : returns) {
                notices.add(new ReturnNotice(item.path("endToEndId").asText(null), item.path("reasonCode").asText(null)));
            }
        } catch (IOException e) {
            throw new WebhookRejectedException("the body is not JSON");
        }
        try {
            return sepa.returns().applyAgain(notices, "webhook");
        } catch (SepaException e) {
            throw new WebhookRejectedException(e.getMessage());
        }
    }

    private boolean settled(Collection c) {
        long days = context.settings().number(SepaSettings.SETTLEMENT_BUSINESS_DAYS,
                SepaSettings.DEFAULT_SETTLEMENT_BUSINESS_DAYS);
        LocalDate today = LocalDate.now(context.clock().withZone(ZoneOffset.UTC));
        return today.isAfter(BusinessDays.plus(c.dueDate(), days));
    }

    private static PaymentTransaction transaction(Collection c) {
        return PaymentTransaction.of(c.endToEndId(), c.amount(), c.createdAt());
    }

    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
