package org.kontor.host.billing.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.billing.DeliveryReceipt;
import org.kontor.api.billing.DeliveryStatus;
import org.kontor.api.billing.InvoiceDelivery;
import org.kontor.api.billing.PostalLetter;
import org.kontor.api.billing.PostalRecipient;
import org.kontor.api.mail.MailMessage;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceStore;
import org.kontor.host.billing.Party;
import org.kontor.host.billing.profile.BillingProfile;
import org.kontor.host.billing.profile.BillingProfiles;
import org.kontor.host.billing.profile.Delivery;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.Customers;
import org.kontor.host.events.RetryPolicy;
import org.kontor.host.mail.QueuedMailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends issued documents to their customers (BIL-2, BIL-5).
 *
 * <p>{@link #deliver} renders the PDF and then, in one transaction, adds the delivery rows of round 0 and queues the
 * e-mail: the row is unique per document, channel and round, so a document is mailed once however often and however
 * concurrently it is delivered, and a crash before the commit leaves nothing behind for {@link #runDue} to trip over.
 * The e-mail goes to the billing profile's invoice address, else the customer's sign-in address; its log row follows the
 * mail queue's status. A letter (customers whose profile says {@link Delivery#EMAIL_AND_POST}) is handed to the
 * configured {@link InvoiceDelivery} provider after the commit, outside any transaction, with the row's id in its
 * idempotency key, and retried with back-off until the policy gives up. Customers excluded from invoicing get nothing;
 * their row says SKIPPED.
 */
public final class InvoiceDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceDeliveries.class);
    private static final int BATCH = 50;

    private final Jdbi jdbi;
    private final InvoiceStore store;
    private final Function<Invoice, byte[]> pdf;
    private final BillingProfiles profiles;
    private final Customers customers;
    private final QueuedMailer mailer;
    private final InvoiceMails mails;
    private final LetterPost letterPost;
    private final DeliveryLog log;
    private final Clock clock;
    private final RetryPolicy letterRetry;
    private final Duration lookback;

    /**
     * @param pdf         renders an issued document
     * @param letterRetry attempts and back-off of letters
     * @param lookback    how far back {@link #runDue} looks for issued documents without a delivery
     */
    public InvoiceDeliveries(Jdbi jdbi, InvoiceStore store, Function<Invoice, byte[]> pdf, BillingProfiles profiles,
                             Customers customers, QueuedMailer mailer, org.kontor.host.billing.InvoiceTexts texts,
                             org.kontor.host.plugins.Extensions extensions,
                             java.util.function.Supplier<Optional<String>> letterPostProvider, Clock clock,
                             RetryPolicy letterRetry, Duration lookback) {
        this.jdbi = jdbi;
        this.store = store;
        this.pdf = pdf;
        this.profiles = profiles;
        this.customers = customers;
        this.mailer = mailer;
        this.mails = new InvoiceMails(texts);
        this.letterPost = new LetterPost(extensions, letterPostProvider);
        this.log = new DeliveryLog(jdbi);
        this.clock = clock;
        this.letterRetry = letterRetry;
        this.lookback = lookback;
    }

    /**
     * Sends an issued document on the channels its customer wants, unless that was done already; call it after issuing.
     * A failed send is logged and retried, never thrown.
     *
     * @return the document's deliveries
     * @throws IllegalArgumentException when there is no such document or it is a draft
     */
    public List<DeliveryLogEntry> deliver(String invoiceId) {
        Invoice invoice = issued(invoiceId);
        if (!log.exists(invoiceId, DeliveryChannel.EMAIL, 0)) {
            queue(invoice, 0, null, pdf);
        }
        sendDueLetters(invoiceId);
        return deliveries(invoiceId);
    }

    /**
     * As {@link #deliver(String)} with the document's PDF rendered already (a billing run renders its documents on
     * threads of its own), so that it is not rendered twice.
     */
    public void deliver(Invoice invoice, byte[] rendered) {
        if (!log.exists(invoice.id(), DeliveryChannel.EMAIL, 0)) {
            queue(invoice, 0, null, issued -> rendered);
        }
        sendDueLetters(invoice.id());
    }

    /**
     * Sends an issued document again: a new round on the channel given, or on every channel the customer wants.
     *
     * @return the rows added
     * @throws IllegalArgumentException when there is no such document or it is a draft
     * @throws IllegalStateException    when the customer is excluded from invoicing
     */
    public List<DeliveryLogEntry> resend(String invoiceId, DeliveryChannel channel) {
        Invoice invoice = issued(invoiceId);
        Recipient recipient = recipient(invoice);
        if (recipient.excluded()) {
            throw new IllegalStateException("the customer of " + invoice.number() + " is excluded from invoicing");
        }
        int round = Math.max(log.nextRound(invoiceId, DeliveryChannel.EMAIL), log.nextRound(invoiceId, DeliveryChannel.POST));
        Set<DeliveryChannel> channels = channel != null ? EnumSet.of(channel)
                : recipient.post() ? EnumSet.allOf(DeliveryChannel.class) : EnumSet.of(DeliveryChannel.EMAIL);
        List<String> added = queue(invoice, Math.max(round, 1), channels, pdf);
        sendDueLetters(invoiceId);
        return added.stream().map(id -> log.find(id).orElseThrow()).toList();
    }

    /** A document's deliveries, oldest round first, with the e-mails' states as the mail sender last recorded them. */
    public List<DeliveryLogEntry> deliveries(String invoiceId) {
        log.followMail(invoiceId, clock.millis());
        return log.of(invoiceId);
    }

    /**
     * The job's work: delivers documents issued within the lookback that have no delivery yet (their issuer crashed
     * before delivering), brings the e-mail rows up to date and posts the letters that are due.
     *
     * @return how many documents were delivered and letters attempted
     */
    public int runDue() {
        int done = 0;
        long since = clock.instant().minus(lookback).toEpochMilli();
        for (String id : log.undelivered(since, BATCH)) {
            try {
                Invoice invoice = issued(id);
                queue(invoice, 0, null, pdf);
                done++;
            } catch (RuntimeException e) {
                LOG.error("Delivering invoice {} failed; the next run tries again", id, e);
            }
        }
        log.followMail(null, clock.millis());
        done += sendDueLetters(null);
        return done;
    }

    private Invoice issued(String invoiceId) {
        Invoice invoice = store.find(invoiceId)
                .orElseThrow(() -> new IllegalArgumentException("no invoice " + invoiceId));
        if (!invoice.state().isIssued()) {
            throw new IllegalArgumentException("invoice " + invoiceId + " is a draft and has no document yet");
        }
        return invoice;
    }

    /** Where the customer gets documents now. */
    private record Recipient(boolean excluded, String email, boolean post) {
    }

    private Recipient recipient(Invoice invoice) {
        if (invoice.customerId() == null) {
            return new Recipient(false, blankToNull(invoice.buyer().email()), false);
        }
        BillingProfile profile = profiles.of(invoice.customerId());
        String email = blankToNull(profile.invoiceEmail());
        if (email == null) {
            email = customers.find(invoice.customerId()).map(Customer::email).map(InvoiceDeliveries::blankToNull)
                    .orElse(blankToNull(invoice.buyer().email()));
        }
        return new Recipient(profile.invoicingExcluded(), email, profile.delivery() == Delivery.EMAIL_AND_POST);
    }

    /**
     * Adds the rows of one round and queues the e-mail, in one transaction.
     *
     * @param channels the channels to send on; null for round 0, which takes the customer's choice
     * @return the ids of the rows added; none when the round exists already
     */
    private List<String> queue(Invoice invoice, int round, Set<DeliveryChannel> channels,
                               Function<Invoice, byte[]> renderer) {
        Recipient recipient = recipient(invoice);
        long now = clock.millis();
        if (recipient.excluded()) {
            return jdbi.inTransaction(h -> log.insert(h, new DeliveryLog.NewRow(invoice.id(), DeliveryChannel.EMAIL, round,
                    recipient.email(), null, DeliveryState.SKIPPED, "the customer is excluded from invoicing"), now)
                    .stream().toList());
        }
        Set<DeliveryChannel> wanted = channels != null ? channels
                : recipient.post() ? EnumSet.allOf(DeliveryChannel.class) : EnumSet.of(DeliveryChannel.EMAIL);
        byte[] document = renderer.apply(invoice); // rendered before the transaction: it takes a while
        MailMessage message = wanted.contains(DeliveryChannel.EMAIL) && recipient.email() != null
                ? mails.message(invoice, recipient.email(), document) : null;
        Optional<String> provider = letterPost.providerId();
        return jdbi.inTransaction(h -> {
            List<String> added = new ArrayList<>();
            if (wanted.contains(DeliveryChannel.EMAIL)) {
                Optional<String> id = log.insert(h, new DeliveryLog.NewRow(invoice.id(), DeliveryChannel.EMAIL, round,
                        recipient.email(), null, recipient.email() == null ? DeliveryState.SKIPPED : DeliveryState.QUEUED,
                        recipient.email() == null ? "the customer has no e-mail address" : null), now);
                if (id.isEmpty()) {
                    return List.of(); // delivered by someone else meanwhile
                }
                added.add(id.get());
                if (message != null) {
                    try {
                        log.linkMail(h, id.get(), mailer.send(h, message));
                    } catch (IllegalArgumentException e) { // an unusable address; nothing was queued
                        log.close(h, id.get(), DeliveryState.FAILED, e.getMessage(), now);
                    }
                }
            }
            if (wanted.contains(DeliveryChannel.POST)) {
                String address = oneLine(invoice.buyer());
                log.insert(h, new DeliveryLog.NewRow(invoice.id(), DeliveryChannel.POST, round, address,
                                provider.orElse(null), provider.isPresent() ? DeliveryState.QUEUED : DeliveryState.FAILED,
                                provider.isPresent() ? null : "billing.letter-post.provider is not set"), now)
                        .ifPresent(added::add);
            }
            return added;
        });
    }

    /** Attempts the due letters (of one document, or all); outside any transaction. */
    private int sendDueLetters(String invoiceId) {
        int attempted = 0;
        for (DeliveryLogEntry letter : log.dueLetters(invoiceId, clock.millis(), BATCH)) {
            try {
                if (attempt(letter)) {
                    attempted++;
                }
            } catch (RuntimeException e) {
                LOG.error("Posting delivery {} failed; the next run tries again", letter.id(), e);
            }
        }
        return attempted;
    }

    private boolean attempt(DeliveryLogEntry letter) {
        long now = clock.millis();
        int attempt = letter.attempts() + 1;
        if (!log.claim(letter.id(), letter.attempts(), now, now + letterRetry.inFlightTimeout().toMillis())) {
            return false; // another host or thread took this attempt
        }
        try {
            InvoiceDelivery provider = letterPost.provider(letter.provider()).orElseThrow(() ->
                    new IllegalStateException("the letter post provider " + letter.provider() + " is not running"));
            Invoice invoice = issued(letter.invoiceId());
            PostalRecipient address;
            try {
                address = postalRecipient(invoice.buyer());
            } catch (IllegalArgumentException e) {
                log.finish(letter.id(), attempt, DeliveryState.FAILED, "no postal address: " + e.getMessage(), null,
                        null, clock.millis());
                return true;
            }
            DeliveryReceipt receipt = provider.send(new PostalLetter("invoice-delivery:" + letter.id(), invoice.number(),
                    address, pdf.apply(invoice), invoice.language()));
            boolean rejected = receipt.status() == DeliveryStatus.REJECTED;
            log.finish(letter.id(), attempt, rejected ? DeliveryState.FAILED : DeliveryState.SENT,
                    rejected ? "rejected by " + provider.providerId() + ": " + receipt.message() : null,
                    receipt.reference(), null, clock.millis());
            LOG.info("Invoice {}: letter {} by {} ({})", invoice.number(), receipt.reference(), provider.providerId(),
                    receipt.status());
        } catch (RuntimeException e) {
            boolean givingUp = attempt >= letterRetry.maxAttempts();
            long failedAt = clock.millis();
            LOG.warn("Delivery {}: letter attempt {} of {} failed{}: {}", letter.id(), attempt,
                    letterRetry.maxAttempts(), givingUp ? ", giving up" : ", will retry", e.toString());
            log.finish(letter.id(), attempt, givingUp ? DeliveryState.FAILED : DeliveryState.QUEUED, e.toString(), null,
                    givingUp ? null : failedAt + letterRetry.delayAfter(attempt).toMillis(), failedAt);
        }
        return true;
    }

    static PostalRecipient postalRecipient(Party buyer) {
        String attention = buyer.isBusiness() && !buyer.company().equals(buyer.name()) ? buyer.name() : null;
        return new PostalRecipient(buyer.displayName(), attention, buyer.street(), buyer.postalCode(), buyer.city(),
                buyer.countryCode());
    }

    private static String oneLine(Party buyer) {
        List<String> parts = new ArrayList<>();
        parts.add(buyer.displayName());
        parts.addAll(buyer.street());
        String town = ((buyer.postalCode() == null ? "" : buyer.postalCode() + " ")
                + (buyer.city() == null ? "" : buyer.city())).strip();
        if (!town.isEmpty()) {
            parts.add(town);
        }
        parts.add(buyer.countryCode());
        return String.join(", ", parts);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
