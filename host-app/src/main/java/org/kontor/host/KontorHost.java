package org.kontor.host;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.kontor.api.PluginApi;
import org.kontor.database.DatabaseConfig;
import org.kontor.host.analytics.AnalyticsHead;
import org.kontor.host.analytics.AnalyticsProviders;
import org.kontor.host.analytics.ConsentRoutes;
import org.kontor.host.admin.AddonAdminPages;
import org.kontor.host.admin.ServiceAdminPages;
import org.kontor.host.admin.AdminView;
import org.kontor.host.billing.admin.InvoiceAdminPages;
import org.kontor.host.customising.CustomisingPages;
import org.kontor.host.customising.Customisings;
import org.kontor.host.customising.LogoCheck;
import org.kontor.host.customising.SiteAssets;
import org.kontor.host.richtext.RichText;
import org.kontor.host.admin.ClearingPages;
import org.kontor.host.admin.DunningPages;
import org.kontor.host.admin.HeldDomainOperations;
import org.kontor.host.admin.CustomerAdminPages;
import org.kontor.host.admin.CustomerNotes;
import org.kontor.host.admin.Dashboard;
import org.kontor.host.admin.DashboardPage;
import org.kontor.host.admin.DomainAdminPages;
import org.kontor.host.admin.HostOrderRelations;
import org.kontor.host.admin.OrderPages;
import org.kontor.host.admin.PluginPages;
import org.kontor.host.admin.StaffMembers;
import org.kontor.host.admin.TldAdminPages;
import org.kontor.host.admin.TldGroupAdminPages;
import org.kontor.host.admin.VoucherAdminPages;
import org.kontor.host.admin.StaffPages;
import org.kontor.host.billing.BillingModule;
import org.kontor.host.payments.HostPaymentTargets;
import org.kontor.host.payments.PaymentsModule;
import org.kontor.host.payments.PluginTopUps;
import org.kontor.host.payments.web.AddFundsLink;
import org.kontor.host.payments.web.PaymentAdminPages;
import org.kontor.host.payments.web.PaymentPages;
import org.kontor.host.catalog.CatalogApi;
import org.kontor.host.catalog.CatalogRules;
import org.kontor.host.catalog.CatalogStore;
import org.kontor.host.config.KontorConfig;
import org.kontor.host.customers.Contacts;
import org.kontor.host.customers.Customer;
import org.kontor.host.customercenter.HostAccountSummaries;
import org.kontor.host.customers.AccountDetailsPages;
import org.kontor.host.customers.ApiTokenPages;
import org.kontor.host.customers.CustomerPages;
import org.kontor.host.customers.Customers;
import org.kontor.host.customers.PasswordResetPages;
import org.kontor.host.customers.PasswordResets;
import org.kontor.host.customers.CustomersApi;
import org.kontor.host.db.HostDatabase;
import org.kontor.host.domains.AvailabilitySearch;
import org.kontor.host.domains.DomainPrices;
import org.kontor.host.dns.BindZoneFiles;
import org.kontor.host.dns.DnsApi;
import org.kontor.host.dns.DnsPages;
import org.kontor.host.domains.management.NameserverCheck;
import org.kontor.host.forwarding.ForwardingApi;
import org.kontor.host.forwarding.ForwardingHandler;
import org.kontor.host.forwarding.ForwardingPages;
import org.kontor.host.forwarding.Forwardings;
import org.kontor.host.dns.DnsPublishJob;
import org.kontor.host.dns.DnsSettings;
import org.kontor.host.dns.DnsZones;
import org.kontor.host.dns.ZoneOnRegistration;
import org.kontor.host.domains.DomainRecord;
import org.kontor.host.domains.DomainStore;
import org.kontor.host.domains.HostPortfolio;
import org.kontor.host.domains.management.DomainChanges;
import org.kontor.host.domains.management.DomainManagement;
import org.kontor.host.domains.management.DomainPages;
import org.kontor.host.domains.management.DomainsApi;
import org.kontor.host.parking.DomainParking;
import org.kontor.host.parking.ParkingApi;
import org.kontor.host.parking.ParkingJanitor;
import org.kontor.host.parking.ParkingPages;
import org.kontor.host.parking.ParkingStore;
import org.kontor.host.domains.RegistriesApi;
import org.kontor.host.domains.RegistryBalanceWatch;
import org.kontor.host.domains.RegistryMessages;
import org.kontor.host.domains.RegistryPollJobs;
import org.kontor.host.domains.RegistryPoller;
import org.kontor.host.events.EventDispatcher;
import org.kontor.host.events.EventTypes;
import org.kontor.host.events.OutboxEventPublisher;
import org.kontor.host.events.OutboxSweepJob;
import org.kontor.host.events.RetryPolicy;
import org.kontor.host.i18n.LocaleResolver;
import org.kontor.host.i18n.SupportedLanguages;
import org.kontor.host.jobs.JobScheduler;
import org.kontor.host.json.JsonMapping;
import org.kontor.host.mail.MailSender;
import org.kontor.host.mail.QueuedMailer;
import org.kontor.host.mail.SmtpSettings;
import org.kontor.host.mail.SmtpTransport;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.DeferredExtensions;
import org.kontor.host.plugins.HostPluginContexts;
import org.kontor.host.plugins.HostServices;
import org.kontor.host.plugins.PluginPaymentNotifications;
import org.kontor.host.plugins.JdbiPluginStates;
import org.kontor.host.plugins.PluginHost;
import org.kontor.host.plugins.PluginHostSettings;
import org.kontor.host.plugins.PluginsApi;
import org.kontor.host.provisioning.DomainOperationJanitor;
import org.kontor.host.provisioning.OperationNotices;
import org.kontor.host.provisioning.DomainOperationStore;
import org.kontor.host.provisioning.DomainOperations;
import org.kontor.host.provisioning.ProvisioningTargets;
import org.kontor.host.risk.PhoneVerificationStatus;
import org.kontor.host.risk.RiskAssessments;
import org.kontor.host.risk.RiskStore;
import org.kontor.host.search.AftermarketSearch;
import org.kontor.host.search.DomainSearch;
import org.kontor.host.search.SearchApi;
import org.kontor.host.secrets.MasterKeys;
import org.kontor.host.secrets.SecretBox;
import org.kontor.host.security.AccessControl;
import org.kontor.host.security.ApiTokens;
import org.kontor.host.security.CsrfProtection;
import org.kontor.host.security.LoginThrottle;
import org.kontor.host.security.totp.SecondFactorSignIn;
import org.kontor.host.security.totp.StaffTotp;
import org.kontor.host.security.totp.Totp;
import org.kontor.host.security.SecurityHeaders;
import org.kontor.host.security.StaffFlag;
import org.kontor.host.security.totp.TotpAdminPages;
import org.kontor.host.security.PasswordHasher;
import org.kontor.host.security.SessionPolicy;
import org.kontor.host.security.SessionSweepJob;
import org.kontor.host.security.WebSessions;
import org.kontor.host.settings.PluginSettingsService;
import org.kontor.host.settings.SettingsApi;
import org.kontor.host.settings.SettingsSchemas;
import org.kontor.host.storefront.PageCache;
import org.kontor.host.storefront.StorefrontRoutes;
import org.kontor.host.storefront.VatDisplay;
import org.kontor.host.storefront.VisitorChoices;
import org.kontor.host.storefront.cart.AddonPages;
import org.kontor.host.storefront.cart.StorefrontOrdering;
import org.kontor.host.themes.AssetHandler;
import org.kontor.host.themes.ThemeEngine;
import org.kontor.host.themes.ThemeRegistry;
import org.kontor.host.themes.ThemeRenderer;
import org.kontor.host.themes.ThemeWeb;
import org.kontor.host.addons.AddonCatalog;
import org.kontor.host.addons.AddonProvisioningJob;
import org.kontor.host.addons.AddonRenewalJob;
import org.kontor.host.addons.AddonRenewals;
import org.kontor.host.addons.RenewalPaid;
import org.kontor.host.addons.AddonServiceStore;
import org.kontor.host.addons.DunningSuspensions;
import org.kontor.host.addons.PaidUnsuspensions;
import org.kontor.host.addons.Provisioners;
import org.kontor.host.addons.ServiceOperations;
import org.kontor.host.addons.ServicesApi;
import org.kontor.api.provisioning.ServiceOwner;
import org.kontor.host.audit.AuditApi;
import org.kontor.host.audit.StaffAudit;
import org.kontor.host.audit.StaffAuditRecorder;
import org.kontor.host.launch.SignedMarkChecks;
import org.kontor.host.launch.SmdValidator;
import org.kontor.host.launch.TmchTrust;
import org.kontor.host.orders.CartOwner;
import org.kontor.host.orders.Carts;
import org.kontor.host.orders.Checkout;
import org.kontor.host.orders.CustomerHolders;
import org.kontor.host.orders.HolderDirectory;
import org.kontor.host.orders.OrderFulfilment;
import org.kontor.host.orders.OrderJob;
import org.kontor.host.orders.OrderPaymentFunding;
import org.kontor.host.orders.OrderStore;
import org.kontor.host.orders.OrderVouchers;
import org.kontor.host.orders.OrdersApi;
import org.kontor.host.orders.PaymentOptions;
import org.kontor.host.orders.RegistryDomainChecks;
import org.kontor.host.orders.ReviewRules;
import org.kontor.host.orders.VoucherDiscounts;
import org.kontor.api.money.Money;
import org.kontor.api.portfolio.PortfolioDomain;
import org.kontor.api.dns.DnsProvider;
import org.kontor.api.event.EventListener;
import org.kontor.api.domain.Nameserver;
import org.kontor.api.parking.ParkingProvider;
import java.util.Currency;
import org.kontor.api.risk.RiskCheck;
import org.kontor.api.verification.AddressVerifier;
import org.kontor.api.verification.BankAccountVerifier;
import org.kontor.host.verification.AddressChecks;
import org.kontor.host.verification.BankAccountApi;
import org.kontor.host.verification.BankAccountChecks;
import org.kontor.host.verification.CreditScoreCheck;
import org.kontor.host.verification.CreditScoreSettings;
import org.kontor.host.verification.IbanVerifier;
import org.kontor.host.verification.PhoneVerificationApi;
import org.kontor.host.verification.PhoneVerificationPages;
import org.kontor.host.verification.PhoneVerifications;
import org.kontor.host.verification.PostalCodeFormats;
import org.kontor.host.verification.RefundAccounts;
import org.kontor.host.vouchers.VoucherStore;
import org.kontor.host.vouchers.Vouchers;
import org.kontor.host.vouchers.VouchersApi;
import org.kontor.host.web.HostWeb;
import org.kontor.host.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Kontor: the composition root. Start order follows the design: database and host
 * migrations → secrets, events, settings → plugins (their migrations, then their start) → themes and
 * the web layer → jobs. {@link #close()} stops in reverse.
 */
public final class KontorHost implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KontorHost.class);
    /** Longer than any registry call may take, so the janitor never takes a live call for a dead one. */
    private static final Duration OPERATION_GRACE = Duration.ofMinutes(10);
    /** How long a host trusts its cached customising before reading it again (another host may have changed it). */
    private static final Duration CUSTOMISING_MAX_AGE = Duration.ofSeconds(5);

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private HostDatabase database;
    private PluginHost plugins;
    private WebServer web;
    private HostWeb hostWeb;
    private ApiTokens apiTokens;
    private PluginSettingsService pluginSettings;
    private Path dataDir;
    private DomainOperations domainOperations;
    private DomainPrices domainPrices;
    private DomainStore domainStore;
    private DnsZones dnsZones;
    private Forwardings forwardings;
    private java.util.function.Supplier<Optional<DnsProvider>> dnsProviderChoice = Optional::empty;
    private DomainManagement domainManagement;
    private DomainParking domainParking;
    private CatalogStore catalog;
    private CatalogRules catalogRules;
    private Vouchers vouchers;
    private AddonCatalog addons;
    private ServiceOperations serviceOperations;
    private Carts carts;
    private TmchTrust tmchTrust;
    private Checkout checkout;
    private RiskAssessments riskAssessments;
    private AddonRenewals addonRenewals;
    /** Whether a customer's phone number was confirmed with a code, as risk checks are told. */
    private final PhoneVerificationStatus phoneVerification = customerId -> this.phoneVerifications.verified(customerId);
    private OrderStore orders;
    private OrderFulfilment orderFulfilment;
    /** How long a funded order may wait before the order job takes it up (a host stopped while provisioning it). */
    private static final Duration ORDER_GRACE = Duration.ofMinutes(2);
    private Customers customers;
    private StaffMembers staffMembers;
    private BillingModule billing;
    private PaymentsModule payments;
    private Contacts contacts;
    private AddressChecks addressChecks;
    private BankAccountChecks bankAccountChecks;
    private RefundAccounts refundAccounts;
    private CreditScoreCheck creditScoreCheck;
    private PhoneVerifications phoneVerifications;
    private DeferredExtensions extensions;
    private WebSessions webSessions;
    private Clock clock;
    /** Poll messages taken from one registry in one run at most; the next run takes the rest. */
    private static final int POLL_MESSAGES_PER_RUN = 500;
    /** The longest a domain search waits for the registries' answers; a registry slower than this is unknown. */
    private static final Duration SEARCH_TIMEOUT = Duration.ofSeconds(5);
    /** How long a search waits for the aftermarket providers' offers. */
    private static final Duration AFTERMARKET_TIMEOUT = Duration.ofSeconds(2);

    private KontorHost(KontorConfig config, Clock clock) {
        try {
            boot(config, clock);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void boot(KontorConfig config, Clock clock) {
        dataDir = createDirectories(config.path("data.dir"));
        database = HostDatabase.open(databaseConfig(config));
        closeables.add(database);

        SecretBox secrets = MasterKeys.open(config.get("secrets.master-key").orElse(null), config.path("secrets.key-file"));
        ObjectMapper json = JsonMapping.create();
        DeferredExtensions extensions = new DeferredExtensions();
        this.extensions = extensions;

        ExecutorService deliveries = Executors.newFixedThreadPool(2, daemon("events"));
        closeables.add(() -> shutdown(deliveries));
        EventDispatcher dispatcher = new EventDispatcher(database.jdbi(), extensions, new EventTypes(), json, clock,
                RetryPolicy.standard(), deliveries);
        OutboxEventPublisher events = new OutboxEventPublisher(database.jdbi(), json, clock, dispatcher::deliverLater);
        PluginSettingsService settings = new PluginSettingsService(database.jdbi(), secrets, clock,
                Duration.ofSeconds(config.integer("plugins.settings-cache-seconds")));
        pluginSettings = settings;
        HttpClient httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService mailSends = Executors.newSingleThreadExecutor(daemon("mail"));
        closeables.add(() -> shutdown(mailSends));
        MailSender mailSender = new MailSender(database.jdbi(),
                new SmtpTransport(SmtpSettings.from(config), Duration.ofSeconds(10), clock), clock,
                RetryPolicy.standard(), Duration.ofSeconds(5), mailSends);
        QueuedMailer mailer = new QueuedMailer(database.jdbi(), clock, mailSender::sendLater);
        DomainOperationStore operationStore = new DomainOperationStore(database.jdbi(), clock,
                Optional.of(new OperationNotices(events, mailer,
                        () -> config.get("operator.email").filter(address -> !address.isBlank()), clock)));
        OrderStore orderStore = new OrderStore(database.jdbi(), clock);
        ProvisioningTargets provisioningTargets = new ProvisioningTargets(extensions,
                List.of(new OrderPaymentFunding(orderStore)));
        domainOperations = new DomainOperations(operationStore, provisioningTargets);
        domainPrices = new DomainPrices(database.jdbi(), clock);
        domainStore = operationStore.domains();
        catalog = new CatalogStore(database.jdbi(), domainPrices, clock);
        catalogRules = new CatalogRules(catalog, CatalogRules.runningRegistries(extensions));
        vouchers = new Vouchers(new VoucherStore(database.jdbi(), clock), clock);
        this.clock = clock;
        HostPortfolio portfolio = new HostPortfolio(operationStore.domains(), domainPrices, domainOperations,
                provisioningTargets, HostPortfolio.TerminatePolicy.of(config.require("domains.terminate-policy")), clock);
        PluginPaymentNotifications paymentNotifications = new PluginPaymentNotifications();
        HostServices services = new HostServices(clock, database.jdbi(), events, secrets, httpClient, mailer,
                dataDir.resolve("plugin-data"), portfolio, paymentNotifications);

        plugins = new PluginHost(
                new PluginHostSettings(config.path("plugins.dir"), "development".equals(config.require("plugins.mode")),
                        PluginApi.version()),
                new JdbiPluginStates(database.jdbi(), clock),
                new HostPluginContexts(services, settings, new SettingsSchemas(extensions)),
                (id, loader) -> database.migrations().migratePlugin(id, loader));
        extensions.bind(plugins);
        closeables.add(plugins);
        plugins.start();

        SecureRandom random = new SecureRandom();
        SupportedLanguages languages = SupportedLanguages.withDefault(config.require("i18n.default-language"));
        LoginThrottle loginThrottle = LoginThrottle.standard(database.jdbi(), clock);
        customers = new Customers(database.jdbi(), clock, new PasswordHasher(new PasswordHasher.Parameters(
                config.integer("customers.password.memory-kib"), config.integer("customers.password.iterations"),
                config.integer("customers.password.parallelism")), random), loginThrottle, languages);
        extensions.addHostExtension(AddressVerifier.class, new PostalCodeFormats());
        extensions.addHostExtension(BankAccountVerifier.class, new IbanVerifier());
        addressChecks = new AddressChecks(extensions);
        contacts = new Contacts(database.jdbi(), clock, catalog, addressChecks.forContacts());
        bankAccountChecks = new BankAccountChecks(extensions);
        refundAccounts = new RefundAccounts(database.jdbi(), clock, bankAccountChecks);
        CreditScoreSettings creditScoreSettings = CreditScoreSettings.from(config);
        creditScoreCheck = new CreditScoreCheck(database.jdbi(), clock, extensions, customerId -> customers.find(customerId)
                .flatMap(customer -> CreditScoreCheck.applicant(customer.name(), customer.company(), customer.country(),
                        contacts.list(customerId).stream().map(holder -> holder.contact().address()).toList())),
                () -> creditScoreSettings);
        extensions.addHostExtension(RiskCheck.class, creditScoreCheck);
        DomainChanges domainChanges = new DomainChanges(database.jdbi(), clock);
        domainManagement = new DomainManagement(domainStore, provisioningTargets::registry, portfolio, contacts,
                domainChanges, config.integer("domains.cancellation-notice-days"), clock,
                random, new NameserverCheck(config.flag("domains.check-nameservers"),
                        config.integer("domains.check-nameservers-port"),
                        Duration.ofMillis(config.integer("domains.check-nameservers-timeout-ms"))));
        domainParking = new DomainParking(domainManagement, () -> extensions.of(ParkingProvider.class).stream()
                .map(Contribution::extension).toList(), new ParkingStore(database.jdbi()), domainChanges,
                () -> defaultNameservers(config), clock);
        staffMembers = new StaffMembers(database.jdbi(), clock);
        webSessions = new WebSessions(database.jdbi(), clock, random, new SessionPolicy(
                Duration.ofMinutes(config.integer("sessions.idle-minutes")),
                Duration.ofHours(config.integer("sessions.absolute-hours"))),
                id -> staffMembers.roleOf(id, customers.roleOf(id)),
                config.get("http.public-url").filter(url -> url.strip().toLowerCase(java.util.Locale.ROOT).startsWith("https:"))
                        .isPresent());
        CsrfProtection csrf = new CsrfProtection(webSessions);
        StaffTotp staffTotp = new StaffTotp(database.jdbi(), clock, secrets, random, Totp.standard());
        LoginThrottle secondFactorThrottle = LoginThrottle.standard(database.jdbi(), clock);
        SecondFactorSignIn secondFactor = new SecondFactorSignIn(database.jdbi(), clock, staffTotp, webSessions,
                secondFactorThrottle);
        PasswordResets passwordResets = new PasswordResets(database.jdbi(), clock, random, customers,
                new LoginThrottle(database.jdbi(), clock, 3, Duration.ofMinutes(15)));

        addons = new AddonCatalog(database.jdbi(), clock);
        Provisioners provisioners = new Provisioners(extensions);
        serviceOperations = new ServiceOperations(new AddonServiceStore(database.jdbi(), clock), addons,
                provisioners, customerId -> customers.find(customerId).map(customer ->
                        new ServiceOwner(customer.id(), customer.name(), customer.email(), customer.language())), clock);
        extensions.addHostExtension(EventListener.class, new DunningSuspensions(serviceOperations));
        HolderDirectory holders = new CustomerHolders(contacts);
        OrderVouchers orderVouchers = new VoucherDiscounts(vouchers);
        tmchTrust = TmchTrust.load(config.get("launch.tmch-ca").map(Path::of), config.get("launch.tmch-crl").map(Path::of),
                config.get("launch.smd-revocation-list").map(Path::of));
        if (!tmchTrust.configured()) {
            log.info("No trademark clearinghouse CA is configured (launch.tmch-ca): sunrise orders are refused");
        }
        carts = new Carts(orderStore, catalog, catalogRules, addons, new RegistryDomainChecks(provisioningTargets),
                new SignedMarkChecks(new SmdValidator(tmchTrust)), orderVouchers, holders, secrets,
                (customerId, name) -> domainStore.find(customerId, name)
                        .filter(domain -> domain.state() == PortfolioDomain.State.ACTIVE).isPresent(), clock);
        webSessions.onSignIn((visitorId, customerId) ->
                carts.carryOver(CartOwner.visitor(visitorId), CartOwner.customer(customerId)));
        ExecutorService orderWork = Executors.newFixedThreadPool(2, daemon("orders"));
        closeables.add(() -> shutdown(orderWork));
        orderFulfilment = new OrderFulfilment(orderStore, new PaymentOptions(extensions), domainOperations,
                provisioningTargets, holders, addons, orderVouchers, secrets,
                () -> defaultNameservers(config), orderWork, orderId -> billing.orderInvoicing().invoice(orderId),
                serviceOperations, clock);
        orders = orderStore;
        riskAssessments = new RiskAssessments(extensions, new RiskStore(database.jdbi()), customers::find,
                phoneVerification, () -> config.integer("risk.threshold"), clock);
        checkout = new Checkout(carts, orderStore, orderVouchers, holders, new PaymentOptions(extensions), orderFulfilment,
                () -> reviewRules(config), events, customerId -> billing.orderVat().taxFor(customerId), riskAssessments,
                clock);

        Customisings customisings = new Customisings(database.jdbi(), clock, CUSTOMISING_MAX_AGE);
        ThemeRegistry themeRegistry = new ThemeRegistry(config.path("themes.dir"), KontorHost.class.getClassLoader());
        ThemeEngine themeEngine = new ThemeEngine(themeRegistry, plugins, () -> {
            String chosen = customisings.current().theme();
            return chosen.isEmpty() ? config.require("theme.active") : chosen;
        }, Duration.ofSeconds(5));
        SiteAssets siteAssets = new SiteAssets(customisings);
        phoneVerifications = new PhoneVerifications(database.jdbi(), clock, random, extensions, customers,
                PhoneVerifications.CodeTexts.of(() -> themeEngine.active().messages()));
        LocaleResolver locales = new LocaleResolver(languages);
        PluginTopUps topUps = new PluginTopUps(extensions);
        AnalyticsProviders analytics = new AnalyticsProviders(extensions);
        ThemeRenderer renderer = new ThemeRenderer(themeEngine, locales, List.of(csrf::addTo, PageCache.tokenSlot(),
                new AddFundsLink(topUps), new StaffFlag(), siteAssets::contribute, new AnalyticsHead(analytics, locales)));
        ThemeWeb themes = new ThemeWeb(themeEngine, locales, renderer, new AssetHandler(themeEngine, Duration.ofHours(1)));
        billing = new BillingModule(config, database, clock, extensions, customers, orderStore, mailer, events,
                themeEngine::active, locales, addressChecks.forContacts());
        addonRenewals = new AddonRenewals(serviceOperations.store(), addons, customers, billing.invoicing(),
                billing.profiles(), clock);
        extensions.addHostExtension(EventListener.class, new RenewalPaid(addonRenewals));
        extensions.addHostExtension(EventListener.class, new PaidUnsuspensions(serviceOperations, invoiceId ->
                billing.store().find(invoiceId).filter(invoice -> !invoice.outstanding().isPositive()).isPresent(),
                new org.kontor.host.billing.dunning.EscalatedInvoices(database.jdbi())::unpaid));
        payments = new PaymentsModule(config, database, clock, extensions, new HostPaymentTargets(orderStore,
                orderFulfilment, billing.store(), topUps, riskAssessments), events, json, riskAssessments);
        paymentNotifications.bind(payments::notificationsOf);

        java.util.concurrent.atomic.AtomicReference<java.util.function.Supplier<java.util.Set<Currency>>> storefrontCurrencies =
                new java.util.concurrent.atomic.AtomicReference<>();
        ExecutorService availabilityChecks = Executors.newCachedThreadPool(daemon("availability"));
        closeables.add(() -> shutdown(availabilityChecks));
        ExecutorService aftermarketCalls = Executors.newCachedThreadPool(daemon("aftermarket"));
        closeables.add(() -> shutdown(aftermarketCalls));
        DomainSearch domainSearch = new DomainSearch(catalog, catalogRules,
                new AvailabilitySearch(extensions, availabilityChecks, SEARCH_TIMEOUT),
                new AftermarketSearch(extensions, aftermarketCalls, AFTERMARKET_TIMEOUT), clock);
        BindZoneFiles zoneFiles = new BindZoneFiles(config.path("dns.zone-dir"), DnsSettings.hosts(
                config.get("dns.nameservers").filter(text -> !text.isBlank())
                        .orElse(config.get("orders.default-nameservers").orElse(""))).stream().map(Nameserver::of).toList(),
                config.require("dns.hostmaster"), clock);
        String dnsProvider = config.require("dns.provider").strip();
        dnsProviderChoice = () -> dnsProvider.equals(BindZoneFiles.ID) ? Optional.<DnsProvider>of(zoneFiles)
                : extensions.of(DnsProvider.class).stream().filter(contribution ->
                        contribution.pluginId().equals(dnsProvider)
                                || contribution.extension().providerId().equals(dnsProvider))
                .map(Contribution::extension).findFirst();
        dnsZones = new DnsZones(database.jdbi(), clock, (customerId, name) -> domainStore.find(customerId, name)
                .filter(domain -> domain.state() == PortfolioDomain.State.ACTIVE).isPresent(), dnsProviderChoice,
                () -> DnsSettings.defaultRecords(config.get("dns.default-records").orElse("")));
        extensions.addHostExtension(EventListener.class, new ZoneOnRegistration(dnsZones));
        forwardings = new Forwardings(database.jdbi(), clock, dnsZones, (customerId, name) -> domainStore
                .find(customerId, name).filter(domain -> domain.state() == PortfolioDomain.State.ACTIVE).isPresent(),
                (customerId, name) -> addons.find(Forwardings.ADDON).isEmpty() || addons.servicesOf(customerId).stream()
                        .anyMatch(service -> service.productId().equals(Forwardings.ADDON)
                                && "ACTIVE".equals(service.state()) && service.domain() != null
                                && (service.domain().equalsIgnoreCase(name.ascii())
                                || service.domain().equalsIgnoreCase(name.unicode()))),
                DnsSettings.hosts(config.get("forwarding.addresses").orElse("")),
                config.get("mail-forwarding.mx-host").orElse(""), reservedHosts(config));
        StorefrontRoutes storefront = new StorefrontRoutes(domainSearch, catalog, renderer, () -> themeEngine.active().name(),
                new VisitorChoices(locales, webSessions, customers::find, () -> storefrontCurrencies.get().get(),
                        storefrontCurrency(config)),
                webSessions, new PageCache(clock, Duration.ofSeconds(config.integer("storefront.page-cache-seconds")),
                        config.integer("storefront.page-cache-entries")),
                VatDisplay.parse(config.get("storefront.vat-rates").orElse("")), transfers(extensions, catalog),
                (entry, currency) -> catalogRules.notOrderableReason(entry, currency, clock.instant()).isEmpty(),
                addons);
        storefrontCurrencies.set(storefront::currencies);
        catalog.onChange(storefront::invalidate);
        settings.onChange(storefront::invalidate);
        customisings.onChange(storefront::invalidate);
        RegistryMessages registryMessages = new RegistryMessages(database.jdbi(), clock);
        apiTokens = new ApiTokens(database.jdbi(), clock, random);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List.of(new ClassLoaderMetrics(), new JvmMemoryMetrics(), new JvmGcMetrics(), new JvmThreadMetrics(),
                new ProcessorMetrics(), new UptimeMetrics()).forEach(binder -> binder.bindTo(metrics));

        CustomerNotes customerNotes = new CustomerNotes(database.jdbi(), clock);
        AdminView adminView = new AdminView(() -> this.hostWeb == null ? List.of() : this.hostWeb.routes(), locales);
        StaffAudit staffAudit = new StaffAudit(database.jdbi(), clock);
        AccessControl access = new AccessControl(List.of(apiTokens, webSessions)).withCsrf(csrf)
                .withSignInPage("/account/signin");
        HostWeb hostWeb = new HostWeb(json, plugins, access,
                List.of(new ForwardingHandler(forwardings)::install, themes::install,
                        new StaffAuditRecorder(staffAudit)::install,
                        config2 -> new AuditApi(staffAudit).register(config2.routes),
                        config2 -> storefront.register(config2.routes),
                        config2 -> new CustomerPages(customers, contacts, webSessions, locales, secondFactor,
                                new HostAccountSummaries(domainStore, billing.store(), orderStore, clock))
                                .register(config2.routes),
                        config2 -> new AccountDetailsPages(customers, webSessions, locales, refundAccounts)
                                .register(config2.routes),
                        config2 -> new PhoneVerificationPages(phoneVerifications).register(config2.routes),
                        config2 -> new PhoneVerificationApi(phoneVerifications, json).register(config2.routes),
                        config2 -> new BankAccountApi(bankAccountChecks, refundAccounts, json).register(config2.routes),
                        config2 -> new DnsApi(dnsZones, zoneFiles, json).register(config2.routes),
                        config2 -> new DnsPages(dnsZones).register(config2.routes),
                        config2 -> new ForwardingApi(forwardings, json).register(config2.routes),
                        config2 -> new ForwardingPages(forwardings).register(config2.routes),
                        config2 -> new ApiTokenPages(apiTokens, locales).register(config2.routes),
                        config2 -> new AddonPages(addons, serviceOperations, customers, customerId -> domainStore.ofCustomer(customerId).stream()
                                .filter(domain -> domain.state() == PortfolioDomain.State.ACTIVE)
                                .map(DomainRecord::name).toList(), locales).register(config2.routes),
                        config2 -> secondFactor.register(config2.routes),
                        config2 -> new TotpAdminPages(staffTotp, id -> customers.find(id).map(Customer::email),
                                secondFactorThrottle, adminView).register(config2.routes),
                        config2 -> new PasswordResetPages(passwordResets, webSessions, mailer, () -> themeEngine.active().messages(),
                                () -> config.get("http.public-url"), secondFactor).register(config2.routes),
                        config2 -> new StorefrontOrdering(carts, checkout, orderStore, addons, catalog, customers, contacts,
                                webSessions, locales, Currency.getInstance(config.require("orders.default-currency")),
                                () -> defaultNameservers(config)).register(config2.routes),
                        config2 -> new CustomersApi(customers, contacts, webSessions, json,
                                session -> carts.itemCount(session.customer().map(CartOwner::customer)
                                        .orElseGet(() -> CartOwner.visitor(session.visitorId()))), secondFactor)
                                .register(config2.routes),
                        config2 -> new DomainsApi(domainManagement, json).register(config2.routes),
                        config2 -> new DomainPages(domainManagement, contacts, addons, locales).register(config2.routes),
                        config2 -> new ParkingApi(domainParking, json).register(config2.routes),
                        config2 -> new ParkingPages(domainParking, locales).register(config2.routes),
                        config2 -> billing.register(config2.routes),
                        config2 -> payments.register(config2.routes),
                        config2 -> new PaymentPages(payments.payments(), topUps, locales, clock).register(config2.routes),
                        config2 -> new PluginsApi(plugins, events).register(config2.routes),
                        config2 -> new DashboardPage(new Dashboard(database.jdbi(), clock), extensions, adminView, locales)
                                .register(config2.routes),
                        config2 -> new ClearingPages(orderStore, new HeldDomainOperations(domainOperations,
                                orderFulfilment, domainStore), orderFulfilment, customers, customerNotes, adminView,
                                riskAssessments.store(), clock)
                                .register(config2.routes),
                        config2 -> siteAssets.register(config2.routes),
                        config2 -> new ConsentRoutes().register(config2.routes),
                        config2 -> new DunningPages(billing.dunning(), adminView).register(config2.routes),
                        config2 -> new StaffPages(staffMembers, customers, staffTotp, passwordResets, mailer,
                                () -> themeEngine.active().messages(), () -> config.get("http.public-url"), languages,
                                config.require("orders.default-currency"), random, adminView).register(config2.routes),
                        config2 -> new CustomisingPages(customisings, themeRegistry, RichText.standard(), new LogoCheck(),
                                adminView).register(config2.routes),
                        config2 -> new PluginPages(plugins, settings, events, adminView).register(config2.routes),
                        config2 -> new InvoiceAdminPages(billing.store(), billing.search(), billing.invoicing(), billing.corrections(),
                                billing.profiles(), billing.deliveries(), adminView).register(config2.routes),
                        config2 -> new PaymentAdminPages(payments.payments(), locales, adminView).register(config2.routes),
                        config2 -> new OrderPages(orderStore, new HostOrderRelations(operationStore, billing.store(),
                                payments.payments().store()), riskAssessments.store(), adminView).register(config2.routes),
                        config2 -> new DomainAdminPages(domainStore, operationStore, provisioningTargets, adminView)
                                .register(config2.routes),
                        config2 -> new TldAdminPages(catalog, catalogRules, adminView, clock).register(config2.routes),
                        config2 -> new TldGroupAdminPages(catalog, adminView).register(config2.routes),
                        config2 -> new ServiceAdminPages(serviceOperations, adminView).register(config2.routes),
                        config2 -> new ServicesApi(serviceOperations, json).register(config2.routes),
                        config2 -> new AddonAdminPages(addons, provisioners::ids, adminView).register(config2.routes),
                        config2 -> new VoucherAdminPages(vouchers.store(), adminView, clock).register(config2.routes),
                        config2 -> new CustomerAdminPages(database.jdbi(), customers, billing.profiles(), customerNotes,
                                adminView, languages, phoneVerifications::verifiedNumber).register(config2.routes),
                        config2 -> new SettingsApi(plugins, settings).register(config2.routes),
                        config2 -> new RegistriesApi(extensions, registryMessages).register(config2.routes),
                        config2 -> new CatalogApi(catalog, catalogRules, json, clock).register(config2.routes),
                        config2 -> new SearchApi(domainSearch, catalog, json).register(config2.routes),
                        config2 -> new VouchersApi(vouchers.store(), json, clock).register(config2.routes),
                        config2 -> new OrdersApi(carts, checkout, orderStore, orderFulfilment, addons, json,
                                Currency.getInstance(config.require("orders.default-currency")), riskAssessments.store())
                                .register(config2.routes)),
                Map.of("database", () -> database.jdbi().useHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one())),
                metrics, config.get("metrics.token"), themes::renderError, new SecurityHeaders(analytics::sources));
        web = new WebServer(config.require("http.host"), config.integer("http.port"));
        closeables.add(web);
        web.start();
        this.hostWeb = hostWeb;
        serve(hostWeb);
        plugins.onChange(() -> {
            themes.pluginsChanged();
            storefront.invalidate();
            serve(hostWeb);
        });

        if (config.flag("jobs.enabled")) {
            String owner = config.get("host.id").orElse("host-" + UUID.randomUUID());
            ExecutorService jobRunner = Executors.newFixedThreadPool(2, daemon("jobs"));
            JobScheduler jobs = new JobScheduler(database.jdbi(), extensions, clock, owner, jobRunner);
            jobs.registerHostJob(new OutboxSweepJob(dispatcher, Duration.ofSeconds(10)));
            jobs.registerHostJob(mailSender);
            jobs.registerHostJob(new ParkingJanitor(domainParking, OPERATION_GRACE, Duration.ofMinutes(5)));
            jobs.registerHostJob(new DnsPublishJob(dnsZones,
                    Duration.ofSeconds(config.integer("dns.publish-interval-seconds"))));
            jobs.registerHostJob(new OrderJob(orderFulfilment, orderStore,
                    Duration.ofSeconds(config.integer("orders.job-interval-seconds")), ORDER_GRACE));
            jobs.registerHostJob(new AddonProvisioningJob(serviceOperations, orderFulfilment::refresh,
                    Duration.ofSeconds(config.integer("orders.job-interval-seconds"))));
            jobs.registerHostJob(new AddonRenewalJob(addonRenewals,
                    Duration.ofDays(config.integer("addons.renewal-notice-days")), Duration.ofHours(1)));
            jobs.registerHostJob(new SessionSweepJob(webSessions, loginThrottle, Duration.ofMinutes(15),
                    passwordResets::forgetOld));
            jobs.registerHostJob(new DomainOperationJanitor(operationStore, provisioningTargets, clock,
                    OPERATION_GRACE, Duration.ofMinutes(1)));
            RegistryPoller poller = new RegistryPoller(registryMessages, operationStore.domains(), domainOperations,
                    POLL_MESSAGES_PER_RUN);
            jobs.registerHostJobs(new RegistryPollJobs(extensions, poller,
                    Duration.ofSeconds(config.integer("domains.poll-interval-seconds")))::jobs);
            jobs.registerHostJob(new RegistryBalanceWatch(extensions, database.jdbi(), clock, mailer, events,
                    () -> config.get("operator.email").filter(address -> !address.isBlank()),
                    Duration.ofMinutes(config.integer("domains.balance-check-minutes"))));
            billing.jobs().forEach(jobs::registerHostJob);
            payments.jobs().forEach(jobs::registerHostJob);
            jobs.start(Duration.ofSeconds(5));
            closeables.add(() -> shutdown(jobRunner));
            closeables.add(jobs);
        }
    }

    /** Starts a host; on failure everything already opened is closed again. */
    public static KontorHost start(KontorConfig config, Clock clock) {
        return new KontorHost(config, clock);
    }

    public int port() {
        return web.port();
    }

    public PluginHost plugins() {
        return plugins;
    }

    /** The saved settings of every plugin. */
    public PluginSettingsService pluginSettings() {
        return pluginSettings;
    }

    /** The folder a plugin's {@code PluginContext.dataDir()} lies in. */
    public Path pluginDataDir(String pluginId) {
        return dataDir.resolve("plugin-data").resolve(pluginId);
    }

    /** The web layer: the routes it registered and the OpenAPI document it serves. */
    public HostWeb web() {
        return hostWeb;
    }

    public ApiTokens apiTokens() {
        return apiTokens;
    }

    /** Domain operations paid from a funding source (a prepaid account). */
    public DomainOperations domainOperations() {
        return domainOperations;
    }

    /** The host's domain records. */
    /** A customer's management of their own domains (the customer center). */
    public DomainManagement domainManagement() {
        return domainManagement;
    }

    /** A customer's parking of their own domains with a parking provider. */
    public DomainParking domainParking() {
        return domainParking;
    }

    /** The folder of the host's files ({@code data.dir}). */
    public Path dataDir() {
        return dataDir;
    }

    public Forwardings forwardings() {
        return forwardings;
    }

    /** Kontor's own host names, never taken for a forwarded domain: localhost, the public URL's and http.host. */
    private static java.util.Set<String> reservedHosts(KontorConfig config) {
        java.util.Set<String> hosts = new java.util.HashSet<>(java.util.Set.of("localhost", "127.0.0.1", "::1"));
        config.get("http.public-url").filter(url -> !url.isBlank()).ifPresent(url -> {
            try {
                String host = java.net.URI.create(url.strip()).getHost();
                if (host != null) {
                    hosts.add(host);
                }
            } catch (IllegalArgumentException e) {
                // not a URL: nothing to reserve
            }
        });
        config.get("http.host").filter(host -> !host.isBlank()).ifPresent(hosts::add);
        return hosts;
    }

    public DnsZones dnsZones() {
        return dnsZones;
    }

    public DomainStore domainStore() {
        return domainStore;
    }

    /** The clock the host reads the time from. */
    public Clock clock() {
        return clock;
    }

    /** The renewal (and other) prices of domain operations per TLD. */
    public DomainPrices domainPrices() {
        return domainPrices;
    }

    /** The catalog: TLDs offered, their rules, phases and groups (prices through {@link #domainPrices()}). */
    public CatalogStore catalog() {
        return catalog;
    }

    /** The catalog's registration rules for orders. */
    public CatalogRules catalogRules() {
        return catalogRules;
    }

    /** Voucher codes: quotes and redemptions for the checkout, the vouchers the operator defined. */
    public Vouchers vouchers() {
        return vouchers;
    }

    /** Add-on products and the services booked with them. */
    public AddonCatalog addons() {
        return addons;
    }

    /** The add-on services customers booked and the calls to their provisioners. */
    public AddonRenewals addonRenewals() {
        return addonRenewals;
    }

    public ServiceOperations serviceOperations() {
        return serviceOperations;
    }

    /** The trademark clearinghouse CAs and revocation lists sunrise orders' signed marks are checked against. */
    public TmchTrust tmchTrust() {
        return tmchTrust;
    }

    /** Shopping carts. */
    public Carts carts() {
        return carts;
    }

    /** Placing orders from carts. */
    public Checkout checkout() {
        return checkout;
    }

    /** Orders and their lines. */
    public OrderStore orders() {
        return orders;
    }

    /** Funding, provisioning and the clearing center of orders. */
    public OrderFulfilment orderFulfilment() {
        return orderFulfilment;
    }

    /** The operator's nameservers for domains ordered without any; none leaves the domain without nameservers. */
    /**
     * The nameservers a registration gets when the order names none: {@code orders.default-nameservers}, else those of
     * the DNS provider that serves the customers' zones, so that a new domain answers with its zone at once.
     */
    private List<String> defaultNameservers(KontorConfig config) {
        List<String> configured = java.util.Arrays.stream(config.get("orders.default-nameservers").orElse("")
                .split("[\\s,]+")).filter(host -> !host.isBlank()).toList();
        if (!configured.isEmpty()) {
            return configured;
        }
        try {
            return dnsProviderChoice.get().map(provider -> provider.nameservers().stream()
                    .map(nameserver -> nameserver.host().ascii()).toList()).orElse(List.of());
        } catch (RuntimeException e) {
            log.warn("Could not ask the DNS provider for its nameservers", e);
            return List.of();
        }
    }

    /** The currency of storefront prices for a visitor who chose none ({@code orders.default-currency} if unset). */
    private static Currency storefrontCurrency(KontorConfig config) {
        String code = config.get("storefront.default-currency").filter(c -> !c.isBlank())
                .orElse(config.require("orders.default-currency"));
        return Currency.getInstance(code.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * Whether a taken name under a TLD can be transferred in: the catalog has a transfer price in the currency and a
     * running registry serving the TLD offers transfers.
     */
    private static java.util.function.BiPredicate<org.kontor.api.domain.Tld, Currency> transfers(
            org.kontor.host.plugins.Extensions extensions, CatalogStore catalog) {
        return (tld, currency) -> catalog.pricesOf(tld).getOrDefault(org.kontor.host.catalog.CatalogOperation.TRANSFER,
                        List.of()).stream().anyMatch(price -> price.currency().equals(currency))
                && extensions.of(org.kontor.api.registry.DomainRegistry.class).stream().anyMatch(contribution -> {
                    try {
                        org.kontor.api.registry.DomainRegistry registry = contribution.extension();
                        return registry.tlds().contains(tld)
                                && registry.capabilities().contains(org.kontor.api.registry.RegistryCapability.TRANSFER);
                    } catch (RuntimeException e) {
                        return false;
                    }
                });
    }

    private static ReviewRules reviewRules(KontorConfig config) {
        String above = config.get("orders.review.above").orElse("").strip();
        Money limit = null;
        if (!above.isEmpty()) {
            String[] parts = above.split("\\s+");
            limit = Money.of(parts[0], parts.length > 1 ? parts[1] : config.require("orders.default-currency"));
        }
        java.util.Set<String> tlds = new java.util.TreeSet<>();
        for (String tld : config.get("orders.review.tlds").orElse("").split("[\\s,]+")) {
            if (!tld.isBlank()) {
                tlds.add(tld.strip().toLowerCase(java.util.Locale.ROOT).replaceFirst("^\\.", ""));
            }
        }
        return new ReviewRules(config.flag("orders.review.all"), config.flag("orders.review.first-order"), limit, tlds);
    }

    /** The risk checks' assessments of orders, top-ups and payments. */
    public RiskAssessments riskAssessments() {
        return riskAssessments;
    }

    /** Invoices and the other billing documents, their PDFs and delivery. */
    public BillingModule billing() {
        return billing;
    }

    /** Payments through gateways, the webhook inbox and the payments janitor. */
    public PaymentsModule payments() {
        return payments;
    }

    /** The operator's staff: the accounts that act as the operator in the admin pages. */
    public StaffMembers staffMembers() {
        return staffMembers;
    }

    /** Customer accounts. */
    public Customers customers() {
        return customers;
    }

    /** The running extensions: the plugins' and the host's own. */
    public org.kontor.host.plugins.Extensions extensions() {
        return extensions;
    }

    /** Phone verification of customers and resellers with a code sent by text message (ORD-11). */
    public PhoneVerifications phoneVerifications() {
        return phoneVerifications;
    }

    /** The running address verifiers together (the host's postal code formats and the plugins'). */
    public AddressChecks addressChecks() {
        return addressChecks;
    }

    /** The running bank account verifiers together (the host's IBAN/BIC check and the plugins'). */
    public BankAccountChecks bankAccountChecks() {
        return bankAccountChecks;
    }

    /** The customers' refund bank accounts. */
    public RefundAccounts refundAccounts() {
        return refundAccounts;
    }

    /** The host's credit score risk check (PAY-6), also registered as a {@link RiskCheck} extension. */
    public CreditScoreCheck creditScoreCheck() {
        return creditScoreCheck;
    }

    /** The customers' domain holder contacts. */
    public Contacts contacts() {
        return contacts;
    }

    /** Browser sessions: the signed-in customer, the anonymous visitor's id, CSRF tokens. */
    public WebSessions webSessions() {
        return webSessions;
    }

    public HostDatabase database() {
        return database;
    }

    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                log.warn("Closing {} failed", closeables.get(i), e);
            }
        }
    }

    private void serve(HostWeb hostWeb) {
        try {
            web.serve(hostWeb.build());
        } catch (Exception e) {
            throw new IllegalStateException("cannot serve the web application", e);
        }
    }

    private static DatabaseConfig databaseConfig(KontorConfig config) {
        String url = config.require("db.url");
        if (url.startsWith("jdbc:sqlite:")) {
            Path file = Path.of(url.substring("jdbc:sqlite:".length()));
            if (file.getParent() != null) {
                createDirectories(file.getParent());
            }
        }
        return new DatabaseConfig(url, config.get("db.user").orElse(null), config.get("db.password").orElse(null),
                config.integer("db.pool-size"));
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create folder " + dir.toAbsolutePath(), e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void shutdown(ExecutorService executor) throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
