package org.kontor.plugins.banktransfer.statement;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.kontor.api.money.Money;

/**
 * One account statement as a bank sent it.
 *
 * @param format      {@code camt.053.001.02}, {@code camt.053.001.08}, {@code MT940}
 * @param statementId the bank's id of the statement (camt {@code Stmt/Id}, MT940 {@code :20:} and {@code :28C:})
 * @param account     the account it is for: an IBAN, or the bank's own account id
 * @param opening     the opening booked balance, or null when the file has none
 * @param closing     the closing booked balance, or null when the file has none
 */
public record Statement(String format, String statementId, String account, LocalDate date, Money opening, Money closing,
                        List<StatementEntry> entries) {

    public Statement {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(statementId, "statementId");
        Objects.requireNonNull(account, "account");
        entries = List.copyOf(entries);
    }

    /** The credits, the only entries that can pay anything. */
    public List<StatementEntry> credits() {
        return entries.stream().filter(StatementEntry::payment).toList();
    }

    /**
     * @throws StatementException when the opening balance and the entries do not add up to the closing balance,
     *                            a sign that the file is incomplete or was read wrongly
     */
    public Statement checkBalances() throws StatementException {
        if (opening == null || closing == null) {
            return this;
        }
        Money sum = opening;
        for (StatementEntry entry : entries) {
            if (!entry.amount().currency().equals(opening.currency())) {
                continue;
            }
            sum = entry.credit() ? sum.plus(entry.amount()) : sum.minus(entry.amount());
        }
        if (sum.compareTo(closing) != 0) {
            throw new StatementException("statement " + statementId + ": opening balance " + opening
                    + " and the entries give " + sum + ", but the closing balance is " + closing);
        }
        return this;
    }
}
