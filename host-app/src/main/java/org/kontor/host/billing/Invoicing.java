package org.kontor.host.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.jdbi.v3.core.Handle;
import org.kontor.api.event.Event;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.event.InvoiceIssued;
import org.kontor.api.tax.VatIdCheck;
import org.kontor.api.tax.VatIdValidator;
import org.kontor.host.billing.vat.EuVatRates;
import org.kontor.host.billing.vat.VatDecision;
import org.kontor.host.billing.vat.VatRules;

/**
 * Issues drafts: checks the buyer's VAT id (a remote call, so before the issuing transaction), decides the VAT rule,
 * dates the document in the seller's zone and has the store number and fix it.
 */
public final class Invoicing {

    private final InvoiceStore store;
    private final BillingConfig config;
    private final VatRules rules;
    private final VatIdValidator validator;
    private final InvoiceTexts texts;
    private final Clock clock;
    private final EventPublisher events;

    /** Issues without announcing the documents (tests of the VAT rules and the numbering). */
    public Invoicing(InvoiceStore store, BillingConfig config, EuVatRates rates, VatIdValidator validator,
                     InvoiceTexts texts, Clock clock) {
        this(store, config, rates, validator, texts, clock, new EventPublisher() {
            @Override
            public void publish(Handle transaction, Event event) {
            }

            @Override
            public void publish(Event event) {
            }
        });
    }

    /**
     * @param events where {@link InvoiceIssued} is published for every document issued here, in the issuing
     *               transaction
     */
    public Invoicing(InvoiceStore store, BillingConfig config, EuVatRates rates, VatIdValidator validator,
                     InvoiceTexts texts, Clock clock, EventPublisher events) {
        this.events = events;
        this.store = store;
        this.config = config;
        this.rules = new VatRules(config.seller().party().countryCode(), rates);
        this.validator = validator;
        this.texts = texts;
        this.clock = clock;
    }

    public InvoiceStore store() {
        return store;
    }

    /** Issues a draft to the buyer as the document will name them. */
    public Invoice issue(String draftId, Party buyer) {
        Invoice draft = store.find(draftId).orElseThrow(() -> new IllegalArgumentException("no invoice " + draftId));
        if (draft.state() != InvoiceState.DRAFT) {
            throw new InvoiceIssuedException(draftId, draft.state());
        }
        VatIdCheck check = rules.needsVatIdCheck(buyer) ? validator.validate(buyer.countryCode(), buyer.vatId()) : null;
        return issue(draft, buyer, rules.decide(buyer, check), check == null ? "NONE" : check.status().name());
    }

    /**
     * Issues a draft under a VAT decision made before, e.g. at the checkout of the order it bills: the document then
     * shows exactly the VAT the customer was charged.
     */
    public Invoice issue(String draftId, Party buyer, VatDecision decision, String buyerVatCheck) {
        Invoice draft = store.find(draftId).orElseThrow(() -> new IllegalArgumentException("no invoice " + draftId));
        if (draft.state() != InvoiceState.DRAFT) {
            throw new InvoiceIssuedException(draftId, draft.state());
        }
        return issue(draft, buyer, decision, buyerVatCheck);
    }

    /** The VAT rules of this seller. */
    public VatRules rules() {
        return rules;
    }

    private Invoice issue(Invoice draft, Party buyer, VatDecision decision, String buyerVatCheck) {
        String draftId = draft.id();
        LocalDate today = LocalDate.now(clock.withZone(config.zone()));
        String note = decision.noteKey() == null ? null : texts.text(draft.language(), decision.noteKey());
        IssueTerms terms = new IssueTerms(config.seller(), buyer, today, today.plusDays(config.paymentTermsDays()),
                decision.treatment(), decision.country(), decision.rate(), note, buyerVatCheck);
        return store.issue(draftId, terms, this::announce);
    }

    /**
     * Issues a correction (a credit note or cancellation) with the VAT terms of the document it corrects instead of
     * deciding them again: the same buyer as that document names, the same treatment, VAT country and note. Its lines
     * carry their own rates (and usually their VAT, {@link DraftLine#fixedVat()}). Due on the day of issue.
     */
    public Invoice issueAs(String draftId, Invoice original) {
        Invoice draft = store.find(draftId).orElseThrow(() -> new IllegalArgumentException("no invoice " + draftId));
        if (draft.state() != InvoiceState.DRAFT) {
            throw new InvoiceIssuedException(draftId, draft.state());
        }
        if (!original.state().isIssued()) {
            throw new IllegalArgumentException("invoice " + original.id() + " is a draft; it has no terms to repeat");
        }
        LocalDate today = LocalDate.now(clock.withZone(config.zone()));
        BigDecimal rate = original.lines().isEmpty() ? BigDecimal.ZERO : original.lines().get(0).vatRate();
        IssueTerms terms = new IssueTerms(config.seller(), original.buyer(), today, today, original.vatTreatment(),
                original.vatCountry(), rate, original.vatNote(), original.buyerVatCheck());
        return store.issue(draftId, terms, this::announce);
    }

    /**
     * The one place where a newly issued document is announced, inside its issuing transaction: whatever follows an
     * issue (sending it by e-mail or post, accounting hooks) listens to {@link InvoiceIssued}.
     */
    public void announce(Handle transaction, Invoice issued) {
        events.publish(transaction, new InvoiceIssued(issued.id(), issued.number(), issued.customerId(),
                issued.gross()));
    }

    /**
     * The VAT rule for a buyer, their VAT id checked (a remote call): for a caller that drafts lines whose VAT it fixes
     * itself (a settlement deducting advances) and issues with the same rule.
     */
    public VatTerms terms(Party buyer) {
        VatIdCheck check = rules.needsVatIdCheck(buyer) ? validator.validate(buyer.countryCode(), buyer.vatId()) : null;
        return new VatTerms(buyer, rules.decide(buyer, check), check == null ? "NONE" : check.status().name());
    }

    /** Issues a draft under a rule decided before (see {@link #terms}). */
    public Invoice issue(String draftId, VatTerms vat) {
        return issue(draftId, vat.buyer(), vat.decision(), vat.buyerVatCheck());
    }

    /**
     * What issuing a document in {@code language} today under a rule decided before fixes on it: for a caller that
     * drafts and issues in one transaction ({@link InvoiceStore#issue(org.jdbi.v3.core.Handle, String, IssueTerms)},
     * which then announces it with {@link #announce}).
     */
    public IssueTerms issueTerms(String language, VatTerms vat) {
        VatDecision decision = vat.decision();
        LocalDate today = LocalDate.now(clock.withZone(config.zone()));
        String note = decision.noteKey() == null ? null : texts.text(language, decision.noteKey());
        return new IssueTerms(config.seller(), vat.buyer(), today, today.plusDays(config.paymentTermsDays()),
                decision.treatment(), decision.country(), decision.rate(), note, vat.buyerVatCheck());
    }
}
