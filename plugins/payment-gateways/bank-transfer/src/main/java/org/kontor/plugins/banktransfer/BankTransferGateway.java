package org.kontor.plugins.banktransfer;

import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import org.kontor.api.PluginContext;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.payment.PaymentGateway;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.api.payment.RefundRequest;
import org.kontor.api.settings.Settings;
import org.kontor.plugins.banktransfer.matching.Payment;
import org.kontor.plugins.banktransfer.matching.PaymentState;
import org.kontor.plugins.banktransfer.matching.Payments;
import org.kontor.plugins.banktransfer.reference.PaymentReferences;
import org.pf4j.Extension;

/**
 * Payment by bank transfer to the operator's account. A purchase records the payment and answers PENDING with the
 * instructions (account, amount, reference, QR payload) in the outcome's message; it stays PENDING until a statement
 * credit pays it (see {@link org.kontor.plugins.banktransfer.matching.StatementImporter}), and {@link #status} then
 * answers PROCESSED. The payment's number for its reference is the request's {@code payment-reference} metadata (the
 * invoice's or top-up's digits) when given, else its own sequence number.
 */
@Extension
public class BankTransferGateway implements PaymentGateway {

    public static final String ID = "bank-transfer";
    /** The metadata key of the stable number the reference is made from. */
    public static final String REFERENCE_NUMBER = "payment-reference";

    private final PluginContext context;
    private final Payments payments;

    public BankTransferGateway(PluginContext context) {
        this.context = context;
        this.payments = new Payments(context.jdbi(), context.clock());
    }

    @Override
    public String gatewayId() {
        return ID;
    }

    @Override
    public Set<PaymentMethodType> methods() {
        return Set.of(PaymentMethodType.BANK_TRANSFER);
    }

    @Override
    public boolean supports(Currency currency) {
        Settings settings = context.settings();
        if (settings.get(BankTransferSettings.IBAN).isEmpty()) {
            return false;
        }
        try {
            return BankTransferSettings.currencies(settings).contains(currency);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public Outcome<PaymentTransaction> purchase(PaymentRequest request) {
        if (request.method() != PaymentMethodType.BANK_TRANSFER) {
            return Outcome.error("method", "this gateway takes bank transfers only, not " + request.method());
        }
        if (!supports(request.amount().currency())) {
            return Outcome.error("currency", "bank transfers in " + request.amount().currencyCode() + " are not offered");
        }
        Optional<Long> number;
        try {
            number = referenceNumber(request);
        } catch (IllegalArgumentException e) {
            return Outcome.error("reference", e.getMessage());
        }
        PaymentReferences references = new PaymentReferences(context.settings().get(BankTransferSettings.FI_CREDITOR).orElse(null));
        Currency currency = request.amount().currency();
        Payment payment;
        try {
            payment = payments.create(request.key(), request.customerId(), request.reference(), request.amount(),
                    number.orElse(null), n -> references.forNumber(currency, n));
        } catch (IllegalArgumentException e) {
            return Outcome.error("reference", e.getMessage());
        }
        if (payment.amount().compareTo(request.amount()) != 0) {
            return Outcome.error("key-reused", "the key " + request.key() + " was used for a payment of " + payment.amount());
        }
        Instructions instructions = new InstructionsFactory(context.settings()).of(payment);
        return Outcome.pending(transaction(payment), payment.id(), instructions.summary());
    }

    @Override
    public Outcome<PaymentTransaction> refund(RefundRequest request) {
        return Outcome.error("refund-by-operator", "refund by bank transfer is done by the operator");
    }

    @Override
    public Outcome<PaymentTransaction> status(IdempotencyKey key) {
        Optional<Payment> found = payments.byKey(key);
        if (found.isEmpty()) {
            return Outcome.canceled("no bank transfer was requested under " + key);
        }
        Payment payment = found.get();
        if (payment.state() == PaymentState.PAID) {
            return Outcome.processed(new PaymentTransaction(payment.id(), payment.paid(), payment.paidAt(), null), payment.id());
        }
        return Outcome.pending(transaction(payment), payment.id(), "awaiting the transfer with reference "
                + payment.reference().display());
    }

    private static PaymentTransaction transaction(Payment payment) {
        return PaymentTransaction.of(payment.id(), payment.amount(), payment.createdAt());
    }

    private static Optional<Long> referenceNumber(PaymentRequest request) {
        String raw = request.metadata().get(REFERENCE_NUMBER);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String digits = raw.strip();
        if (!digits.matches("\\d{1,14}")) {
            throw new IllegalArgumentException("payment-reference is 1 to 14 digits, was '" + raw + "'");
        }
        return Optional.of(Long.parseLong(digits));
    }
}
