package org.kontor.host.billing;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.kontor.api.job.ScheduledJob;
import org.kontor.host.billing.pdf.InvoicePdf;
import org.kontor.host.billing.prepaid.CustomerResellers;
import org.kontor.host.billing.prepaid.PrepaidBilling;
import org.kontor.host.billing.prepaid.PrepaidBillingConfig;
import org.kontor.host.billing.prepaid.RenderedDocuments;
import org.kontor.host.billing.profile.BillingProfiles;
import org.kontor.host.billing.vat.EuVatRates;
import org.kontor.host.billing.vat.VatIdValidators;
import org.kontor.host.config.KontorConfig;
import org.kontor.host.customers.Customers;
import org.kontor.host.db.HostDatabase;
import org.kontor.host.mail.QueuedMailer;
import org.kontor.host.plugins.DeferredExtensions;
import org.kontor.host.themes.ActiveTheme;
import org.kontor.api.event.EventListener;
import org.kontor.api.event.EventPublisher;

/**
 * Billing as the host runs it: the documents, their numbers and VAT, PDFs, delivery, and the jobs and routes around
 * them. Built once by the host; its parts are reachable for the routes, the jobs and tests.
 */
public final class BillingModule {

    private final BillingConfig config;
    private final InvoiceStore store;
    private final Invoicing invoicing;
    private final InvoicePdf pdf;
    private final BillingProfiles profiles;
    private final VatIdValidators vatIds;
    private final PrepaidBilling prepaid;
    private final List<ScheduledJob> jobs = new ArrayList<>();
    private final List<java.util.function.Consumer<RoutesConfig>> routes = new ArrayList<>();

    public BillingModule(KontorConfig kontorConfig, HostDatabase database, Clock clock, DeferredExtensions extensions,
                         Customers customers, QueuedMailer mailer, EventPublisher events,
                         Supplier<ActiveTheme> theme) {
        this.config = BillingConfig.from(kontorConfig);
        this.store = new InvoiceStore(database.jdbi(), database.dialect(), clock, config.numbers());
        this.vatIds = new VatIdValidators(extensions,
                () -> kontorConfig.get("billing.vat-id-validator").orElse("offline"), clock);
        InvoiceTexts texts = (language, key, args) -> theme.get().messages().get(language, key, args);
        this.invoicing = new Invoicing(store, config, EuVatRates.standard(), vatIds, texts, clock);
        this.pdf = new InvoicePdf(theme);
        this.profiles = new BillingProfiles(database.jdbi(), customers, clock);
        this.prepaid = new PrepaidBilling(database.jdbi(), clock, config, PrepaidBillingConfig.from(kontorConfig),
                invoicing, new CustomerResellers(customers, profiles), texts, pdf, RenderedDocuments.NONE);
        prepaid.listeners().forEach(listener -> extensions.addHostExtension(EventListener.class, listener));
        jobs.addAll(prepaid.jobs());
    }

    /** Registers the billing routes. */
    public void register(RoutesConfig routesConfig) {
        routes.forEach(route -> route.accept(routesConfig));
    }

    /** The billing jobs for the host's scheduler. */
    public List<ScheduledJob> jobs() {
        return List.copyOf(jobs);
    }

    public BillingConfig config() {
        return config;
    }

    public InvoiceStore store() {
        return store;
    }

    public Invoicing invoicing() {
        return invoicing;
    }

    public InvoicePdf pdf() {
        return pdf;
    }

    public BillingProfiles profiles() {
        return profiles;
    }

    public VatIdValidators vatIds() {
        return vatIds;
    }

    /** Advance tax documents and monthly settlements of prepaid accounts. */
    public PrepaidBilling prepaid() {
        return prepaid;
    }
}
