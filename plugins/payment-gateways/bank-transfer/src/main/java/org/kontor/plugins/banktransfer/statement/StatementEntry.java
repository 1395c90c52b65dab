package org.kontor.plugins.banktransfer.statement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kontor.api.money.Money;

/**
 * One booked movement on a statement (for a camt batch booking, one of its transactions).
 *
 * @param entryReference the bank's unique reference of the movement (camt {@code AcctSvcrRef}, MT940 bank reference),
 *                       the key that makes importing a statement twice harmless
 * @param amount         the amount, always positive; {@link #credit()} says the direction
 * @param reversal       the bank took back or gave back an earlier booking: never a payment to match
 * @param structured     the structured creditor reference the payer gave (camt {@code CdtrRefInf/Ref}), or null
 * @param remittance     the unstructured remittance information (camt {@code Ustrd}, MT940 {@code :86:}), or null
 * @param additional     further information (camt {@code AddtlRmtInf}, {@code AddtlNtryInf}), or null
 * @param endToEndId     the payer's end-to-end id, or null
 * @param payer          the payer's name, or null
 */
public record StatementEntry(String entryReference, LocalDate bookingDate, Money amount, boolean credit, boolean reversal,
                             String structured, String remittance, String additional, String endToEndId, String payer) {

    public StatementEntry {
        Objects.requireNonNull(entryReference, "entryReference");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("an entry's amount is positive, the direction says credit or debit");
        }
    }

    /** Whether the entry brought money in from a payer. */
    public boolean payment() {
        return credit && !reversal;
    }

    /** The free texts to look for a reference in, most trusted first. */
    public List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (String text : new String[] {remittance, additional, endToEndId}) {
            if (text != null && !text.isBlank() && !text.equalsIgnoreCase("NOTPROVIDED")) {
                texts.add(text);
            }
        }
        return texts;
    }
}
