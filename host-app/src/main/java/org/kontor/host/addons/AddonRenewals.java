package org.kontor.host.addons;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kontor.host.billing.DraftLine;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceState;
import org.kontor.host.billing.Invoicing;
import org.kontor.host.billing.NewDraft;
import org.kontor.host.billing.Series;
import org.kontor.host.billing.profile.BillingProfile;
import org.kontor.host.billing.profile.BillingProfiles;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.Customers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews add-on services (ADD-1): ahead of the end of a service's paid period an invoice for the next period is issued
 * at the product's current price, once per service and period; when it is paid the service's renewal date moves on by
 * that period. A service cancelled at the end of its period is not invoiced again. An unpaid renewal invoice is chased
 * by dunning like any other, whose last level suspends the customer's services.
 */
public final class AddonRenewals {

    private static final Logger LOG = LoggerFactory.getLogger(AddonRenewals.class);

    private final AddonServiceStore services;
    private final Jdbi jdbi;
    private final AddonCatalog catalog;
    private final Customers customers;
    private final Invoicing invoicing;
    private final BillingProfiles profiles;
    private final Clock clock;

    public AddonRenewals(AddonServiceStore services, AddonCatalog catalog, Customers customers, Invoicing invoicing,
                         BillingProfiles profiles, Clock clock) {
        this.services = services;
        this.jdbi = services.jdbi();
        this.catalog = catalog;
        this.customers = customers;
        this.invoicing = invoicing;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** A renewal invoiced: the service, the period it bills and its invoice. */
    public record Renewal(String serviceId, Instant periodStart, Instant periodEnd, String invoiceId, Instant renewedAt) {
    }

    /**
     * Issues the renewal invoices of services whose paid period ends within {@code notice}; how many were issued.
     * Issuing may ask a VAT id service, so it runs outside any transaction, one service at a time.
     */
    public int invoiceDue(Duration notice, int limit) {
        Instant until = clock.instant().plus(notice);
        List<String> due = jdbi.withHandle(h -> h.createQuery("SELECT s.id FROM addon_service s WHERE s.state IN "
                        + "('ACTIVE', 'SUSPENDED') AND s.cancel_at IS NULL AND s.renews_at <= :until AND NOT EXISTS "
                        + "(SELECT 1 FROM addon_service_renewal r WHERE r.service_id = s.id AND r.period_start = s.renews_at) "
                        + "ORDER BY s.renews_at, s.id LIMIT " + Math.max(1, limit))
                .bind("until", until.toEpochMilli()).mapTo(String.class).list());
        int issued = 0;
        for (String serviceId : due) {
            try {
                if (invoice(serviceId).isPresent()) {
                    issued++;
                }
            } catch (RuntimeException e) {
                LOG.warn("The renewal of service {} could not be invoiced; the next run tries again", serviceId, e);
            }
        }
        return issued;
    }

    /**
     * The renewal invoice of the service's next period: issued now, or the one issued before. Empty when the service
     * is not renewed (terminated, cancelled) or its product has no price in the customer's currency.
     */
    public Optional<Renewal> invoice(String serviceId) {
        AddonService service = services.find(serviceId).orElse(null);
        if (service == null || service.cancelAt() != null
                || (service.state() != ServiceState.ACTIVE && service.state() != ServiceState.SUSPENDED)) {
            return Optional.empty();
        }
        Optional<Renewal> earlier = renewal(serviceId, service.renewsAt());
        if (earlier.isPresent()) {
            return earlier;
        }
        Customer customer = customers.find(service.customerId()).orElseThrow();
        BillingProfile profile = profiles.of(customer.id());
        Currency currency = Currency.getInstance(customer.currency());
        Optional<AddonPrice> price = catalog.price(service.productId(), currency);
        Optional<AddonProduct> product = catalog.find(service.productId());
        if (price.isEmpty() || product.isEmpty() || profile.invoicingExcluded()) {
            LOG.info("Service {} is not invoiced for renewal: {}", serviceId, profile.invoicingExcluded()
                    ? "the customer is excluded from invoicing" : "its product has no price in " + currency);
            return Optional.empty();
        }
        Instant start = service.renewsAt();
        Instant end = start.atZone(ZoneOffset.UTC).plusMonths(price.get().periodMonths()).toInstant();
        String description = product.get().name() + (service.domain() == null ? "" : " (" + service.domain() + ")")
                + ", " + price.get().periodMonths() + " months from " + start.atZone(ZoneOffset.UTC).toLocalDate();
        String sourceKey = "addon-renewal:" + serviceId + ":" + start.toEpochMilli();
        String draftId = invoicing.store().createDraft(new NewDraft(Series.INVOICE, customer.id(), null,
                customer.language(), currency, start.atZone(ZoneOffset.UTC).toLocalDate(),
                List.of(new DraftLine(description, BigDecimal.ONE, price.get().amount(), null)), null, sourceKey));
        Invoice invoice = invoicing.store().find(draftId).orElseThrow();
        if (invoice.state() == InvoiceState.DRAFT) {
            invoice = invoicing.issue(draftId, BillingProfiles.buyer(customer, profile));
        }
        String invoiceId = invoice.id();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO addon_service_renewal (service_id, period_start, period_end, "
                        + "invoice_id, created_at) VALUES (:service, :start, :end, :invoice, :now) "
                        + "ON CONFLICT (service_id, period_start) DO NOTHING")
                .bind("service", serviceId).bind("start", start.toEpochMilli()).bind("end", end.toEpochMilli())
                .bind("invoice", invoiceId).bind("now", clock.millis()).execute());
        return renewal(serviceId, start);
    }

    /**
     * The invoice was paid in full: the service it renews runs to the end of the period it billed. Once per renewal;
     * an invoice that bills no renewal, or still has something to pay, changes nothing.
     *
     * @return whether a service was renewed now
     */
    public boolean paid(String invoiceId) {
        Optional<Invoice> invoice = invoicing.store().find(invoiceId);
        if (invoice.isEmpty() || invoice.get().outstanding().isPositive()) {
            return false;
        }
        return jdbi.inTransaction(h -> {
            Optional<Renewal> renewal = h.createQuery("SELECT * FROM addon_service_renewal WHERE invoice_id = :invoice "
                            + "AND renewed_at IS NULL")
                    .bind("invoice", invoiceId).map((rs, ctx) -> read(rs)).findOne();
            if (renewal.isEmpty()) {
                return false;
            }
            Instant now = clock.instant();
            h.createUpdate("UPDATE addon_service_renewal SET renewed_at = :now WHERE service_id = :service "
                            + "AND period_start = :start AND renewed_at IS NULL")
                    .bind("now", now.toEpochMilli()).bind("service", renewal.get().serviceId())
                    .bind("start", renewal.get().periodStart().toEpochMilli()).execute();
            return h.createUpdate("UPDATE addon_service SET renews_at = :end, updated_at = :now WHERE id = :service "
                            + "AND renews_at = :start")
                    .bind("end", renewal.get().periodEnd().toEpochMilli()).bind("now", now.toEpochMilli())
                    .bind("service", renewal.get().serviceId())
                    .bind("start", renewal.get().periodStart().toEpochMilli()).execute() == 1;
        });
    }

    /** The renewals invoiced for a service, oldest first. */
    public List<Renewal> renewalsOf(String serviceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM addon_service_renewal WHERE service_id = :service "
                        + "ORDER BY period_start")
                .bind("service", serviceId).map((rs, ctx) -> read(rs)).list());
    }

    private Optional<Renewal> renewal(String serviceId, Instant start) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM addon_service_renewal WHERE service_id = :service "
                        + "AND period_start = :start")
                .bind("service", serviceId).bind("start", start.toEpochMilli()).map((rs, ctx) -> read(rs)).findOne());
    }

    private static Renewal read(java.sql.ResultSet rs) throws java.sql.SQLException {
        long renewed = rs.getLong("renewed_at");
        boolean none = rs.wasNull();
        return new Renewal(rs.getString("service_id"), Instant.ofEpochMilli(rs.getLong("period_start")),
                Instant.ofEpochMilli(rs.getLong("period_end")), rs.getString("invoice_id"),
                none ? null : Instant.ofEpochMilli(renewed));
    }
}
