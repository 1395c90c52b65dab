package org.kontor.host.customers;

import java.util.List;
import org.kontor.api.money.Money;

/**
 * What the account overview shows at a glance.
 *
 * @param activeDomains    domains held now
 * @param expiringSoon     of those, the ones expiring within {@link #SOON_DAYS} days
 * @param openInvoices     issued documents not paid in full
 * @param outstanding      what is left to pay on them, per currency
 * @param ordersInProgress orders not finished yet (awaiting payment, held, provisioning)
 */
public record AccountSummary(int activeDomains, int expiringSoon, int openInvoices, List<Money> outstanding,
                             int ordersInProgress) {

    public static final int SOON_DAYS = 30;

    public AccountSummary {
        outstanding = List.copyOf(outstanding);
    }

    /** Produces the summary of one customer's account. */
    @FunctionalInterface
    public interface Source {

        Source NONE = customerId -> new AccountSummary(0, 0, 0, List.of(), 0);

        AccountSummary of(String customerId);
    }
}
