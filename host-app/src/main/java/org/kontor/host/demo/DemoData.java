package org.kontor.host.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kontor.api.web.Access;
import org.kontor.host.KontorHost;
import org.kontor.host.settings.SettingsSchemas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data for trying Kontor on one machine: an operator's and a reseller's API token known from the README,
 * and, when the sandbox and EPP registry plugins are installed, the sandbox registry started with a demo
 * registrar and the EPP registry plugin pointed at it; the demo catalog ({@link DemoCatalog}); a demo customer and
 * the demo reseller who can sign in ({@link DemoCustomers}); renewal prices, a few domains of the demo reseller (some
 * expiring within 30 days) and, with the prepaid account plugin, the demo reseller's prepaid account
 * ({@link DemoPortfolio}); the demo trademark clearinghouse CA trusted for sunrise orders, so that the signed mark
 * data file {@code docs/demo/kontor-sunrise.smd} is accepted ({@link DemoTmch}). Loading twice changes nothing.
 * Never enable demo data on a host that faces the internet.
 */
public final class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** The operator's API token in demo mode, documented in the README. */
    public static final String ADMIN_TOKEN = "kontor_demo_admin_token";

    /** Settings the demo runs with unless they are set: the zone files' nameservers and every new zone's records. */
    public static final java.util.Map<String, String> SETTINGS = java.util.Map.of(
            "dns.nameservers", "ns1.kontor.invalid,ns2.kontor.invalid",
            "dns.hostmaster", "hostmaster.kontor.invalid",
            "dns.default-records", "@ A 192.0.2.80; www CNAME @; @ MX 10 mail.kontor.test; @ TXT v=spf1 mx -all");

    /** A reseller's API token in demo mode (subject {@code demo-reseller}), documented in the README. */
    public static final String RESELLER_TOKEN = "kontor_demo_reseller_token";

    /** The demo customer's sign-in, documented in the README. */
    public static final String CUSTOMER_EMAIL = "demo@kontor.test";
    public static final String CUSTOMER_PASSWORD = "kontor-demo-customer";
    public static final String CUSTOMER_ID = "demo-customer";

    /** The demo reseller's sign-in (the customer {@code demo-reseller}, who owns the demo prepaid account). */
    public static final String RESELLER_EMAIL = "reseller@kontor.test";
    public static final String RESELLER_PASSWORD = "kontor-demo-reseller";
    public static final String RESELLER_ID = "demo-reseller";

    /** The demo staff member's sign-in: an account that acts as the operator in the admin pages ({@code /admin}). */
    public static final String ADMIN_EMAIL = "admin@kontor.test";
    public static final String ADMIN_PASSWORD = "kontor-demo-admin";
    public static final String ADMIN_ID = "demo-admin";

    /** The demo registrar's login at the sandbox registry. */
    public static final String REGISTRAR_ID = "demo";
    public static final String REGISTRAR_PASSWORD = "demo-registrar-password";

    private static final String SANDBOX = "sandbox-registry";
    private static final String EPP = "epp-registry";
    private static final String PREPAID = "prepaid-account";
    private static final String REGISTRY_DK = "registry-dk";
    private static final String BANK_TRANSFER = "payment-bank-transfer";

    /** The registry ids the demo gives the sandbox: one for the generic TLDs, one for its .dk profile. */
    public static final String SANDBOX_REGISTRY_ID = "sandbox";
    public static final String SANDBOX_DK_REGISTRY_ID = "sandbox-dk";

    private final KontorHost host;
    private final int sandboxPort;

    /**
     * @param sandboxPort where the sandbox registry listens on 127.0.0.1
     */
    public DemoData(KontorHost host, int sandboxPort) {
        this.host = host;
        this.sandboxPort = sandboxPort;
    }

    public void load() {
        host.apiTokens().register(ADMIN_TOKEN, "demo-operator", Access.ADMIN, "demo operator");
        host.apiTokens().register(RESELLER_TOKEN, RESELLER_ID, Access.RESELLER, "demo reseller");
        Set<String> active = Set.copyOf(host.plugins().activePluginIds());
        boolean dkProfile = active.contains(REGISTRY_DK);
        if (active.containsAll(List.of(SANDBOX, EPP))) {
            connectTheSandboxRegistry(dkProfile);
            registerTheZoneNameservers();
        }
        if (active.contains(BANK_TRANSFER)) {
            offerBankTransfers();
        }
        String dkRegistryId = dkProfile ? SANDBOX_DK_REGISTRY_ID : SANDBOX_REGISTRY_ID;
        host.tmchTrust().trust(DemoTmch.caCertificates());
        new DemoCatalog(host.catalog(), host.clock()).load(dkRegistryId);
        new DemoVouchers(host.vouchers().store(), host.clock()).load();
        new DemoCustomers(host.customers(), host.contacts()).load();
        if (host.customers().find(ADMIN_ID).isEmpty()) {
            host.customers().create(ADMIN_ID, new org.kontor.host.customers.SignUp(ADMIN_EMAIL, ADMIN_PASSWORD,
                    "Anna Admin", "Kontor Demo ApS", "DK", "en", "DKK"), Access.CUSTOMER);
        }
        host.staffMembers().grant(ADMIN_ID);
        new DemoAddons(host.addons()).load();
        new DemoPortfolio(host.domainStore(), host.domainPrices(), host.clock(), host.port())
                .load(active.contains(PREPAID), dkRegistryId);
    }

    /** Bank transfers to the seller's account printed on the demo invoices, so that orders can be paid by transfer. */
    private void offerBankTransfers() {
        SettingsSchemas schemas = new SettingsSchemas(host.plugins());
        host.pluginSettings().save(BANK_TRANSFER, schemas.fieldsOf(BANK_TRANSFER), Map.of(
                "account.holder", "Kontor Demo ApS",
                "account.iban", "DK5000400440116243",
                "account.bic", "DABADKKK",
                "currencies", "DKK,EUR,CZK"));
        log.info("Demo: orders and invoices can be paid by bank transfer");
    }

    /**
     * The sandbox serves .dk with the .dk registry's profile (applications decided later, holders with a
     * user type, the terms token), so .dk goes through the registry-dk plugin when it is installed and the
     * other demo TLDs through the generic EPP plugin.
     */
    private void connectTheSandboxRegistry(boolean dkProfile) {
        SettingsSchemas schemas = new SettingsSchemas(host.plugins());
        host.pluginSettings().save(SANDBOX, schemas.fieldsOf(SANDBOX), Map.of(
                "registrar.id", REGISTRAR_ID,
                "registrar.password", REGISTRAR_PASSWORD,
                "port", Integer.toString(sandboxPort)));
        // The sandbox reads its settings when its service starts.
        host.plugins().disable(SANDBOX);
        host.plugins().enable(SANDBOX);
        host.pluginSettings().save(EPP, schemas.fieldsOf(EPP), Map.of(
                "registry.id", SANDBOX_REGISTRY_ID,
                "host", "127.0.0.1",
                "port", Integer.toString(sandboxPort),
                "client.id", REGISTRAR_ID,
                "password", REGISTRAR_PASSWORD,
                "certificate.pem", sandboxCertificate(),
                "tlds", dkProfile ? "test,example" : "dk,test,example",
                "account.currency", "DKK"));
        if (dkProfile) {
            host.pluginSettings().save(REGISTRY_DK, schemas.fieldsOf(REGISTRY_DK), Map.of(
                    "registry.id", SANDBOX_DK_REGISTRY_ID,
                    "host", "127.0.0.1",
                    "port", Integer.toString(sandboxPort),
                    "client.id", REGISTRAR_ID,
                    "password", REGISTRAR_PASSWORD,
                    "certificate.pem", sandboxCertificate(),
                    "tlds", "dk",
                    "orderconfirmation.at-order", "true"));
            log.info("Demo: .dk goes through the registry-dk plugin to the sandbox's .dk profile");
        }
        log.info("Demo: the EPP registry plugin talks to the sandbox registry on 127.0.0.1:{}", sandboxPort);
    }

    /**
     * The nameservers of the demo's zones (dns.nameservers) exist at the sandbox as hosts of the demo registrar, as an
     * operator's own nameservers exist at the registries they sell: orders that name them are taken by the .dk profile
     * too, which creates no hosts on a registrar's behalf.
     */
    private void registerTheZoneNameservers() {
        long now = host.clock().millis();
        host.database().jdbi().useHandle(h -> {
            for (String name : SETTINGS.get("dns.nameservers").split(",")) {
                h.createUpdate("INSERT INTO sandbox_registry_host (name, roid, registrar, created_at, statuses, addresses) "
                                + "VALUES (:name, :roid, :registrar, :now, 'ok', '') ON CONFLICT (name) DO NOTHING")
                        .bind("name", name.strip()).bind("roid", "H-" + name.strip().replace('.', '-').toUpperCase(java.util.Locale.ROOT))
                        .bind("registrar", REGISTRAR_ID).bind("now", now).execute();
            }
        });
    }

    private String sandboxCertificate() {
        Path certificate = host.pluginDataDir(SANDBOX).resolve("sandbox-certificate.pem");
        try {
            return Files.readString(certificate);
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox registry has not written its certificate " + certificate, e);
        }
    }
}
