package org.kontor.host.billing;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.kontor.host.billing.orders.OrderInvoiceJob;
import org.kontor.host.billing.orders.OrderInvoicing;
import org.kontor.host.billing.orders.OrderVat;
import org.kontor.host.billing.web.BillingPages;
import org.kontor.host.billing.web.InvoicesApi;
import org.kontor.host.i18n.LocaleResolver;
import org.kontor.host.orders.OrderStore;
import org.kontor.host.orders.OrderTaxes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.kontor.api.job.ScheduledJob;
import org.kontor.host.billing.delivery.DeliverWhenIssued;
import org.kontor.host.billing.delivery.InvoiceDeliveries;
import org.kontor.host.billing.delivery.InvoiceDeliveryApi;
import org.kontor.host.billing.delivery.InvoiceDeliveryJob;
import org.kontor.host.billing.dunning.DunningApi;
import org.kontor.host.billing.dunning.DunningConfig;
import org.kontor.host.billing.dunning.DunningJob;
import org.kontor.host.billing.dunning.DunningNotice;
import org.kontor.host.billing.dunning.DunningRuns;
import org.kontor.host.billing.dunning.DunningStore;
import org.kontor.host.billing.admin.AdminInvoicesApi;
import org.kontor.host.billing.admin.BillingProfilesApi;
import org.kontor.host.billing.admin.InvoiceSearch;
import org.kontor.host.billing.corrections.Corrections;
import org.kontor.host.billing.export.BillingExport;
import org.kontor.host.billing.export.ExportApi;
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
import org.kontor.host.customers.PostalAddressCheck;
import org.kontor.host.db.HostDatabase;
import org.kontor.host.events.RetryPolicy;
import org.kontor.host.json.JsonMapping;
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
    private final OrderVat orderVat;
    private final OrderInvoicing orderInvoicing;
    private final InvoiceDeliveries deliveries;
    private final DunningRuns dunning;
    private final Corrections corrections;
    private final InvoiceSearch search;
    private final BillingExport export;
    private final PrepaidBilling prepaid;
    private final List<ScheduledJob> jobs = new ArrayList<>();
    private final List<java.util.function.Consumer<RoutesConfig>> routes = new ArrayList<>();

    public BillingModule(KontorConfig kontorConfig, HostDatabase database, Clock clock, DeferredExtensions extensions,
                         Customers customers, OrderStore orders, QueuedMailer mailer, EventPublisher events,
                         Supplier<ActiveTheme> theme, LocaleResolver locales) {
        this(kontorConfig, database, clock, extensions, customers, orders, mailer, events, theme, locales,
                PostalAddressCheck.NONE);
    }

    /** @param addressCheck how billing addresses are checked before they are saved (PAY-5) */
    public BillingModule(KontorConfig kontorConfig, HostDatabase database, Clock clock, DeferredExtensions extensions,
                         Customers customers, OrderStore orders, QueuedMailer mailer, EventPublisher events,
                         Supplier<ActiveTheme> theme, LocaleResolver locales, PostalAddressCheck addressCheck) {
        this.config = BillingConfig.from(kontorConfig);
        this.store = new InvoiceStore(database.jdbi(), database.dialect(), clock, config.numbers());
        this.vatIds = new VatIdValidators(extensions,
                () -> kontorConfig.get("billing.vat-id-validator").orElse("offline"), clock);
        InvoiceTexts texts = (language, key, args) -> theme.get().messages().get(language, key, args);
        this.invoicing = new Invoicing(store, config, EuVatRates.standard(), vatIds, texts, clock, events);
        this.pdf = new InvoicePdf(theme);
        this.profiles = new BillingProfiles(database.jdbi(), customers, clock);
        this.deliveries = new InvoiceDeliveries(database.jdbi(), store, pdf::render, profiles, customers, mailer, texts,
                extensions, () -> kontorConfig.get("billing.letter-post.provider"), clock, RetryPolicy.standard(),
                java.time.Duration.ofDays(kontorConfig.get("billing.delivery.lookback-days").isPresent()
                        ? kontorConfig.integer("billing.delivery.lookback-days") : 7));
        InvoiceDeliveryApi deliveryApi = new InvoiceDeliveryApi(deliveries, store, JsonMapping.create());
        routes.add(deliveryApi::register);
        jobs.add(new InvoiceDeliveryJob(deliveries, java.time.Duration.ofSeconds(
                kontorConfig.get("billing.delivery.interval-seconds").isPresent()
                        ? kontorConfig.integer("billing.delivery.interval-seconds") : 60)));
        this.orderVat = new OrderVat(profiles, invoicing.rules(), vatIds);
        this.orderInvoicing = new OrderInvoicing(orders, invoicing, profiles, customers, database.jdbi());
        extensions.addHostExtension(org.kontor.api.event.EventListener.class, new DeliverWhenIssued(deliveries));
        jobs.add(new OrderInvoiceJob(orderInvoicing, Duration.ofMinutes(1)));
        InvoicesApi invoicesApi = new InvoicesApi(store, pdf);
        routes.add(invoicesApi::register);
        routes.add(new BillingPages(store, profiles, customers, locales, addressCheck)::register);
        DunningConfig dunningConfig = DunningConfig.from(kontorConfig, config.zone());
        this.dunning = new DunningRuns(database.jdbi(), new DunningStore(database.jdbi(), database.dialect(), clock), store,
                customers, profiles, new DunningNotice(texts, config.seller()), mailer, events, dunningConfig, clock,
                Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "dunning");
                    thread.setDaemon(true);
                    return thread;
                }));
        routes.add(new DunningApi(dunning, profiles)::register);
        if (dunningConfig.enabled()) {
            jobs.add(new DunningJob(dunning));
        }
        this.corrections = new Corrections(database.jdbi(), database.dialect(), store, invoicing, clock);
        this.search = new InvoiceSearch(database.jdbi(), store);
        this.export = new BillingExport(database.jdbi(), store, config.zone());
        com.fasterxml.jackson.databind.ObjectMapper json = JsonMapping.create();
        routes.add(new AdminInvoicesApi(store, invoicing, corrections, search, profiles, customers, json)::register);
        routes.add(new BillingProfilesApi(profiles, customers, EuVatRates.standard(), json, addressCheck)::register);
        routes.add(new ExportApi(export)::register);
        this.prepaid = new PrepaidBilling(database.jdbi(), clock, config, PrepaidBillingConfig.from(kontorConfig),
                invoicing, new CustomerResellers(customers, profiles), texts, pdf, deliveries::deliver);
        prepaid.listeners().forEach(listener -> extensions.addHostExtension(EventListener.class, listener));
        jobs.addAll(prepaid.jobs());
    }

    /** The VAT orders charge at checkout. */
    public OrderTaxes orderVat() {
        return orderVat;
    }

    /** The invoices of completed orders. */
    public OrderInvoicing orderInvoicing() {
        return orderInvoicing;
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

    /** Sending issued documents by e-mail and letter post; call {@link InvoiceDeliveries#deliver} after issuing. */
    public InvoiceDeliveries deliveries() {
        return deliveries;
    }

    public VatIdValidators vatIds() {
        return vatIds;
    }

    public DunningRuns dunning() {
        return dunning;
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

    /** Advance tax documents and monthly settlements of prepaid accounts. */
    public PrepaidBilling prepaid() {
        return prepaid;
    }
}
