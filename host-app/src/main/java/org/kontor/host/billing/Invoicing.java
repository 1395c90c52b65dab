package org.kontor.host.billing;

import java.time.Clock;
import java.time.LocalDate;
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

    public Invoicing(InvoiceStore store, BillingConfig config, EuVatRates rates, VatIdValidator validator,
                     InvoiceTexts texts, Clock clock) {
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
        return issue(draftId, terms(buyer));
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
        Invoice draft = store.find(draftId).orElseThrow(() -> new IllegalArgumentException("no invoice " + draftId));
        if (draft.state() != InvoiceState.DRAFT) {
            throw new InvoiceIssuedException(draftId, draft.state());
        }
        return store.issue(draftId, issueTerms(draft.language(), vat));
    }

    /**
     * What issuing a document in {@code language} today under a rule decided before fixes on it: for a caller that
     * drafts and issues in one transaction ({@link InvoiceStore#issue(org.jdbi.v3.core.Handle, String, IssueTerms)}).
     */
    public IssueTerms issueTerms(String language, VatTerms vat) {
        VatDecision decision = vat.decision();
        LocalDate today = LocalDate.now(clock.withZone(config.zone()));
        String note = decision.noteKey() == null ? null : texts.text(language, decision.noteKey());
        return new IssueTerms(config.seller(), vat.buyer(), today, today.plusDays(config.paymentTermsDays()),
                decision.treatment(), decision.country(), decision.rate(), note, vat.buyerVatCheck());
    }
}
