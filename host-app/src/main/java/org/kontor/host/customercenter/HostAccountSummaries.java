package org.kontor.host.customercenter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kontor.api.money.Money;
import org.kontor.api.portfolio.PortfolioDomain;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceState;
import org.kontor.host.billing.InvoiceStore;
import org.kontor.host.customers.AccountSummary;
import org.kontor.host.domains.DomainRecord;
import org.kontor.host.domains.DomainStore;
import org.kontor.host.orders.OrderStore;

/** The account overview's figures from the customer's domains, billing documents and orders. */
public final class HostAccountSummaries implements AccountSummary.Source {

    private final DomainStore domains;
    private final InvoiceStore invoices;
    private final OrderStore orders;
    private final Clock clock;

    public HostAccountSummaries(DomainStore domains, InvoiceStore invoices, OrderStore orders, Clock clock) {
        this.domains = domains;
        this.invoices = invoices;
        this.orders = orders;
        this.clock = clock;
    }

    @Override
    public AccountSummary of(String customerId) {
        Instant now = clock.instant();
        Instant soon = now.plus(Duration.ofDays(AccountSummary.SOON_DAYS));
        List<DomainRecord> active = domains.ofCustomer(customerId).stream()
                .filter(domain -> domain.state() == PortfolioDomain.State.ACTIVE).toList();
        int expiring = (int) active.stream().filter(domain -> domain.terminatedAt() == null && domain.expiresAt() != null
                && !domain.expiresAt().isBefore(now) && domain.expiresAt().isBefore(soon)).count();
        Map<String, Money> outstanding = new TreeMap<>();
        int open = 0;
        for (Invoice invoice : invoices.issuedTo(customerId)) {
            boolean payable = invoice.state() == InvoiceState.ISSUED || invoice.state() == InvoiceState.PARTIALLY_PAID;
            if (payable && !invoice.isCorrection() && invoice.outstanding().isPositive()) {
                open++;
                Currency currency = invoice.currency();
                outstanding.merge(currency.getCurrencyCode(), invoice.outstanding(), Money::plus);
            }
        }
        int inProgress = (int) orders.ofCustomer(customerId).stream().filter(order -> !order.state().isFinal()).count();
        return new AccountSummary(active.size(), expiring, open, List.copyOf(outstanding.values()), inProgress);
    }
}
