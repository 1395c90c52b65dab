package org.kontor.host.billing.prepaid;

import java.net.URL;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.kontor.api.event.EventListener;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.billing.BillingConfig;
import org.kontor.host.billing.InvoiceNumbers;
import org.kontor.host.billing.InvoiceStore;
import org.kontor.host.billing.InvoiceTexts;
import org.kontor.host.billing.Invoicing;
import org.kontor.host.billing.Party;
import org.kontor.host.billing.Seller;
import org.kontor.host.billing.pdf.InvoicePdf;
import org.kontor.host.billing.profile.BillingProfile;
import org.kontor.host.billing.profile.BillingProfiles;
import org.kontor.host.billing.profile.Delivery;
import org.kontor.host.billing.vat.EuVatRates;
import org.kontor.host.billing.vat.OfflineVatIdValidator;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.Customers;
import org.kontor.host.customers.SignUp;
import org.kontor.host.events.EventDispatcher;
import org.kontor.host.events.EventTypes;
import org.kontor.host.events.OutboxEventPublisher;
import org.kontor.host.events.RetryPolicy;
import org.kontor.host.i18n.SupportedLanguages;
import org.kontor.host.json.JsonMapping;
import org.kontor.host.plugins.DeferredExtensions;
import org.kontor.host.plugins.FakeExtensions;
import org.kontor.host.plugins.PluginResources;
import org.kontor.host.security.LoginThrottle;
import org.kontor.host.security.PasswordHasher;
import org.kontor.host.themes.ActiveTheme;
import org.kontor.host.themes.ThemeEngine;
import org.kontor.host.themes.ThemeRegistry;
import org.kontor.testkit.TestClock;

/**
 * Billing of prepaid accounts wired as the host wires it, on a test's database and clock: a Danish seller, customers
 * with billing profiles, the real outbox and event dispatcher (delivering in the committing thread, so a test sees a
 * delivery at once) with billing's listeners added as host extensions, and the default theme's PDFs.
 */
public final class PrepaidBillingParts {

    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    /** A failed delivery is tried again after a minute. */
    public static final RetryPolicy RETRY =
            new RetryPolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofMinutes(5));

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public final Database db;
    public final TestClock clock;
    public final Customers customers;
    public final BillingProfiles profiles;
    public final Invoicing invoicing;
    public final PrepaidBilling billing;
    public final FakeExtensions plugins = new FakeExtensions();
    public final DeferredExtensions extensions = new DeferredExtensions();
    public final EventDispatcher dispatcher;
    public final OutboxEventPublisher events;

    private PrepaidBillingParts(Database db, TestClock clock, PrepaidBillingConfig config, InvoicePdf pdf,
                                RenderedDocuments rendered, UnaryOperator<EventListener<?>> wrap) {
        this.db = db;
        this.clock = clock;
        this.customers = new Customers(db.jdbi(), clock, new PasswordHasher(new PasswordHasher.Parameters(1024, 1, 1),
                new SecureRandom()), LoginThrottle.standard(db.jdbi(), clock), SupportedLanguages.standard());
        this.profiles = new BillingProfiles(db.jdbi(), customers, clock);
        BillingConfig billingConfig = new BillingConfig(danishSeller(), InvoiceNumbers.defaults(), 14, ZONE);
        this.invoicing = new Invoicing(new InvoiceStore(db.jdbi(), db.dialect(), clock, InvoiceNumbers.defaults()),
                billingConfig, EuVatRates.standard(), new OfflineVatIdValidator(clock), texts(), clock);
        this.billing = new PrepaidBilling(db.jdbi(), clock, billingConfig, config, invoicing,
                new CustomerResellers(customers, profiles), texts(), pdf, rendered);
        extensions.bind(plugins);
        billing.listeners().forEach(listener -> extensions.addHostExtension(EventListener.class, wrap.apply(listener)));
        this.dispatcher = new EventDispatcher(db.jdbi(), extensions, new EventTypes(), JsonMapping.create(), clock, RETRY,
                Runnable::run);
        this.events = new OutboxEventPublisher(db.jdbi(), JsonMapping.create(), clock, dispatcher::deliverLater);
    }

    public static PrepaidBillingParts over(Database db, TestClock clock, PrepaidBillingConfig config, InvoicePdf pdf,
                                           RenderedDocuments rendered) {
        return new PrepaidBillingParts(db, clock, config, pdf, rendered, UnaryOperator.identity());
    }

    /** @param wrap what the host adds as listener for each of billing's listeners (e.g. one that fails once) */
    public static PrepaidBillingParts over(Database db, TestClock clock, PrepaidBillingConfig config, InvoicePdf pdf,
                                           RenderedDocuments rendered, UnaryOperator<EventListener<?>> wrap) {
        return new PrepaidBillingParts(db, clock, config, pdf, rendered, wrap);
    }

    /** A reseller account with a billing profile; {@code company} and {@code vatId} may be null (a consumer). */
    public Customer reseller(String country, String language, String company, String vatId) {
        int n = SEQUENCE.incrementAndGet();
        Customer customer = customers.create("reseller-" + java.util.UUID.randomUUID(), new SignUp(
                "reseller" + n + "-" + System.nanoTime() + "@example.com", "a long password " + n, "Reseller " + n,
                company, country, language, null), Access.RESELLER);
        profiles.save(new BillingProfile(customer.id(), List.of("Street " + n), "1000", "City", vatId, null, null,
                Delivery.EMAIL, false, false));
        return customer;
    }

    public static Seller danishSeller() {
        return new Seller(new Party("Kontor ApS", "Kontor ApS", List.of("Vesterbrogade 1"), "1620", "København V", "DK",
                "DK13585628", "13585628", null, "billing@kontor.example"), "DK5000400440116243", "DABADKKK",
                "Danske Bank", "85475103");
    }

    /** The default theme's messages, as the documents print them. */
    public static InvoiceTexts texts() {
        java.util.Map<String, java.util.Properties> byLanguage = new java.util.concurrent.ConcurrentHashMap<>();
        return (language, key, args) -> {
            java.util.Properties properties = byLanguage.computeIfAbsent(language, PrepaidBillingParts::messages);
            String text = properties.getProperty(key);
            if (text == null) {
                throw new AssertionError("no message " + key + " in " + language);
            }
            return args.length == 0 ? text : java.text.MessageFormat.format(text, args);
        };
    }

    private static java.util.Properties messages(String language) {
        java.util.Properties properties = new java.util.Properties();
        try (var in = PrepaidBillingParts.class.getClassLoader()
                .getResourceAsStream("themes/default/messages/messages_" + language + ".properties")) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }

    /** The default theme's PDFs (a theme directory of its own under {@code themes}). */
    public static InvoicePdf pdf(Path themes) {
        PluginResources none = new PluginResources() {
            @Override
            public List<String> activePluginIds() {
                return List.of();
            }

            @Override
            public Optional<URL> resource(String pluginId, String path) {
                return Optional.empty();
            }
        };
        ActiveTheme theme = new ThemeEngine(new ThemeRegistry(themes, PrepaidBillingParts.class.getClassLoader()), none,
                () -> "default", Duration.ofSeconds(5)).active();
        return new InvoicePdf(() -> theme);
    }
}
