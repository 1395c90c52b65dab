package org.kontor.host.billing;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.kontor.api.job.ScheduledJob;
import org.kontor.host.billing.admin.AdminInvoicesApi;
import org.kontor.host.billing.admin.BillingProfilesApi;
import org.kontor.host.billing.admin.InvoiceSearch;
import org.kontor.host.billing.corrections.Corrections;
import org.kontor.host.billing.export.BillingExport;
import org.kontor.host.billing.export.ExportApi;
import org.kontor.host.billing.pdf.InvoicePdf;
import org.kontor.host.billing.profile.BillingProfiles;
import org.kontor.host.billing.vat.EuVatRates;
import org.kontor.host.billing.vat.VatIdValidators;
import org.kontor.host.config.KontorConfig;
import org.kontor.host.customers.Customers;
import org.kontor.host.db.HostDatabase;
import org.kontor.host.json.JsonMapping;
import org.kontor.host.mail.QueuedMailer;
import org.kontor.host.plugins.DeferredExtensions;
import org.kontor.host.themes.ActiveTheme;
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
    private final Corrections corrections;
    private final InvoiceSearch search;
    private final BillingExport export;
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
        this.invoicing = new Invoicing(store, config, EuVatRates.standard(), vatIds, texts, clock, events);
        this.pdf = new InvoicePdf(theme);
        this.profiles = new BillingProfiles(database.jdbi(), customers, clock);
        this.corrections = new Corrections(database.jdbi(), database.dialect(), store, invoicing, clock);
        this.search = new InvoiceSearch(database.jdbi(), store);
        this.export = new BillingExport(database.jdbi(), store, config.zone());
        com.fasterxml.jackson.databind.ObjectMapper json = JsonMapping.create();
        routes.add(new AdminInvoicesApi(store, invoicing, corrections, search, profiles, customers, json)::register);
        routes.add(new BillingProfilesApi(profiles, customers, EuVatRates.standard(), json)::register);
        routes.add(new ExportApi(export)::register);
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

    /** Cancellations and credit notes (BIL-6). */
    public Corrections corrections() {
        return corrections;
    }

    public InvoiceSearch search() {
        return search;
    }

    /** The accounting export (BIL-4). */
    public BillingExport export() {
        return export;
    }
}
