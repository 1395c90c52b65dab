package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Tld;
import org.kontor.database.Database;
import org.kontor.host.catalog.CatalogRules;
import org.kontor.host.catalog.TldEntry;
import org.kontor.host.customers.ContactInput;
import org.kontor.host.demo.DemoData;
import org.kontor.host.orders.CartOwner;
import org.kontor.host.orders.CartView;
import org.kontor.host.orders.Carts;
import org.kontor.host.orders.CustomerHolders;
import org.kontor.host.orders.DomainChecks;
import org.kontor.host.orders.InputError;
import org.kontor.host.orders.ItemKind;
import org.kontor.host.orders.OrderInputException;
import org.kontor.host.orders.SignedMarks;
import org.kontor.host.orders.VoucherDiscounts;
import org.kontor.host.secrets.SecretBox;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * Every rule of the demo catalog, put to the cart (ORD-5, ORD-7, ORD-8, ORD-14, ORD-15): periods, IDN tables, name
 * syntax, the holder's required fields and residence, launch phases and disabled TLDs, each refusal with its code.
 *
 * <p>Most TLDs of the demo have no registry connected, so the host's own cart refuses them all with
 * {@code registry-unavailable} (checked once). The rules behind that are checked through a cart built from the host's
 * catalog, contacts and vouchers with every registry counted as running and a stand-in for the registry's
 * availability answer; .dk and .test also go through the host's cart against the sandbox registry.
 */
@DatabaseTest
class CatalogRulesThroughCartTest {

    private static final CartOwner RESELLER = CartOwner.customer(DemoData.RESELLER_ID);
    private static final java.util.Currency DKK = java.util.Currency.getInstance("DKK");

    private OrderingHost demo;
    private final AtomicReference<DomainChecks.Availability> availability =
            new AtomicReference<>(DomainChecks.Availability.AVAILABLE);

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @DbTest
    void periodsOutsideATldsRangeAreRefused(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        emptyCart();
        Carts carts = cartsWith(untrustedSignedMarks());
        String s = OrderingHost.suffix();

        InputError dk = refusal(carts, "periode-" + s + ".dk", 6, null);
        assertThat(dk.code()).isEqualTo("period-not-allowed");
        assertThat(dk.message()).contains(".dk allows 1 to 5 years");
        assertThat(added(carts, "periode-" + s + ".dk", 5, null).periodMonths()).isEqualTo(60);

        InputError de = refusal(carts, "zeitraum-" + s + ".de", 2, null);
        assertThat(de.code()).isEqualTo("period-not-allowed");
        assertThat(de.message()).contains(".de allows 1 year");
        assertThat(refusal(carts, "elva-" + s + ".test", 11, null).code()).isEqualTo("period-not-allowed");
        assertThat(refusal(carts, "noll-" + s + ".com", 0, null).code()).isEqualTo("period-not-allowed");
        for (String tld : List.of("test", "example", "eu", "com", "cz", "sk")) {
            assertThat(added(carts, "ti-aar-" + s + "." + tld, 10, null).periodMonths()).as(tld).isEqualTo(120);
        }

        // Changing the period of an item in the cart follows the same range.
        CartView cart = carts.view(RESELLER, DKK);
        String dkItem = cart.items().stream().filter(i -> i.item().domain().tld().equals(Tld.of("dk"))).findFirst()
                .orElseThrow().item().id();
        OrderInputException longer = catchThrowableOfType(() -> carts.updateItem(RESELLER, DemoData.RESELLER_ID, dkItem,
                new Carts.ItemChange(null, null, 7)), OrderInputException.class);
        assertThat(longer.errors().get(0).code()).isEqualTo("period-not-allowed");
    }

    @DbTest
    void internationalisedNamesFollowTheTldsIdnTable(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        emptyCart();
        Carts carts = cartsWith(untrustedSignedMarks());
        String s = OrderingHost.suffix();

        // .dk: DK Hostmaster's table (æ ø å ä ö ü é), through the host's cart and the sandbox registry.
        CartView withIdn = demo.host.carts().addDomain(RESELLER, DKK,
                new Carts.AddDomain(ItemKind.REGISTER, "blåbærgrød-" + s + ".dk", 1, null, null));
        assertThat(withIdn.items()).anyMatch(i -> i.item().domain().ascii().startsWith("xn--"));
        InputError cyrillic = catchThrowableOfType(() -> demo.host.carts().addDomain(RESELLER, DKK,
                new Carts.AddDomain(ItemKind.REGISTER, "жук-" + s + ".dk", 1, null, null)), OrderInputException.class)
                .errors().get(0);
        assertThat(cyrillic.code()).isEqualTo("idn-character-not-allowed");
        assertThat(cyrillic.args()).containsExactly("ж");
        assertThat(refusal(carts, "straße-" + s + ".dk", 1, null).code()).isEqualTo("idn-character-not-allowed");

        // .de: DENIC's table has ß; .test and .com accept Latin letters but no other script.
        assertThat(added(carts, "straße-" + s + ".de", 1, null).domain().isIdn()).isTrue();
        assertThat(added(carts, "smørrebrød-" + s + ".test", 1, null).domain().isIdn()).isTrue();
        assertThat(refusal(carts, "καλό-" + s + ".test", 1, null).code()).isEqualTo("idn-character-not-allowed");
        assertThat(refusal(carts, "жук-" + s + ".com", 1, null).code()).isEqualTo("idn-character-not-allowed");

        // .cz and .sk have no IDN: neither the Unicode form nor an xn-- label is taken.
        assertThat(refusal(carts, "čaj-" + s + ".cz", 1, null).code()).isEqualTo("idn-not-allowed");
        String aLabel = DomainName.of("čaj-" + s + ".cz").ascii();
        assertThat(aLabel).startsWith("xn--");
        assertThat(refusal(carts, aLabel, 1, null).code()).isEqualTo("idn-not-allowed");
        assertThat(refusal(carts, DomainName.of("čaj-" + s + ".sk").ascii(), 1, null).code()).isEqualTo("idn-not-allowed");
    }

    @DbTest
    void namesBreakingTheSyntaxAreRefusedWithTheRuleBroken(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        emptyCart();
        Carts carts = demo.host.carts();

        assertThat(syntax(carts, "ab--cd.test")).containsExactly("domain-invalid", "hyphen-3-4");
        assertThat(syntax(carts, "-abc.test")).containsExactly("domain-invalid", "leading-hyphen");
        assertThat(syntax(carts, "abc-.test")).containsExactly("domain-invalid", "trailing-hyphen");
        assertThat(syntax(carts, "a".repeat(64) + ".test")).containsExactly("domain-invalid", "label-too-long");
        assertThat(syntax(carts, "under_score.test")).containsExactly("domain-invalid", "disallowed-character");
        assertThat(syntax(carts, "ingen-tld")).containsExactly("domain-invalid", "no-tld");
        assertThat(syntax(carts, "a..test")).containsExactly("domain-invalid", "empty-label");
        assertThat(syntax(carts, "xn--zz.test").get(0)).isEqualTo("domain-invalid");
        assertThat(catchThrowableOfType(() -> carts.addDomain(RESELLER, DKK,
                new Carts.AddDomain(ItemKind.REGISTER, " ", 1, null, null)), OrderInputException.class).errors()
                .get(0).code()).isEqualTo("domain-required");
        // 63 characters is the longest label, and hyphens inside a label are fine.
        String s = OrderingHost.suffix();
        String longest = ("lang-" + s + "-").concat("x".repeat(63 - 6 - s.length())) + ".test";
        assertThat(carts.addDomain(RESELLER, DKK, new Carts.AddDomain(ItemKind.REGISTER, longest, 1, null, null))
                .items()).hasSize(1);
        assertThat(carts.view(RESELLER, DKK).items()).hasSize(1); // nothing refused got in
    }

    @DbTest
    void theHolderGivesWhatTheTldRequiresAndLivesWhereItAllows(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        emptyCart();
        Carts carts = cartsWith(untrustedSignedMarks());
        String s = OrderingHost.suffix();
        String companyWithoutCvr = holder("COMPANY", "Uden CVR ApS", "DK", null);
        String companyWithCvr = holder("COMPANY", "Med CVR ApS", "DK", "DK87654321");
        String personInNorway = holder("INDIVIDUAL", null, "NO", null);
        String personInTheUs = holder("INDIVIDUAL", null, "US", null);

        String dk = added(carts, "firma-" + s + ".dk", 1, null).id();
        InputError noCvr = holderRefusal(carts, dk, companyWithoutCvr);
        assertThat(noCvr.code()).isEqualTo("field-required");
        assertThat(noCvr.args()).containsExactly("vatNumber");
        assertThat(noCvr.field()).isEqualTo("holder");
        chooseHolder(carts, dk, companyWithCvr);
        chooseHolder(carts, dk, personInTheUs); // .dk: anyone, anywhere; only companies give a CVR number

        String eu = added(carts, "europa-" + s + ".eu", 1, null).id();
        assertThat(holderRefusal(carts, eu, personInTheUs).code()).isEqualTo("residence-not-allowed");
        chooseHolder(carts, eu, personInNorway); // the EEA counts
        chooseHolder(carts, eu, companyWithCvr);
        for (String tld : List.of("test", "com", "de", "cz")) {
            chooseHolder(carts, added(carts, "overalt-" + s + "." + tld, 1, null).id(), personInTheUs);
        }

        // The host's own cart: .eu has no registry in the demo; .dk against the sandbox refuses the same holder.
        assertThat(catchThrowableOfType(() -> demo.host.carts().addDomain(RESELLER, DKK,
                new Carts.AddDomain(ItemKind.REGISTER, "vaert-" + s + ".eu", 1, null, null)), OrderInputException.class)
                .errors().get(0).code()).isEqualTo("registry-unavailable");
        CartView hostCart = demo.host.carts().addDomain(RESELLER, DKK,
                new Carts.AddDomain(ItemKind.REGISTER, "vaert-" + s + ".dk", 1, null, null));
        String hostDk = hostCart.items().stream().filter(i -> i.item().domain().ascii().startsWith("vaert-"))
                .findFirst().orElseThrow().item().id();
        assertThat(holderRefusal(demo.host.carts(), hostDk, companyWithoutCvr).code()).isEqualTo("field-required");
    }

    @DbTest
    void launchPhasesDecideHowARegistrationIsTaken(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        emptyCart();
        String s = OrderingHost.suffix();
        Carts unavailable = cartsWith(untrustedSignedMarks());

        // Sunrise: a signed mark is needed, and without a trust anchor none is accepted.
        assertThat(refusal(unavailable, "maerke-" + s + ".nu", 1, null).code()).isEqualTo("sunrise-needs-smd");
        assertThat(refusal(unavailable, "maerke-" + s + ".nu", 1, "PD94bWw=").code()).isEqualTo("smd-unavailable");
        // A check that is configured decides: its refusal, or its encoded mark kept on the item.
        Carts checked = cartsWith((field, uploaded, label, now) -> {
            if (!label.startsWith("maerke-")) {
                throw new OrderInputException(InputError.of(field, "smd-label-not-covered", "not covered", label));
            }
            return "encoded:" + uploaded;
        });
        assertThat(refusal(checked, "andet-" + s + ".nu", 1, "PD94bWw=").code()).isEqualTo("smd-label-not-covered");
        var sunrise = added(checked, "maerke-" + s + ".nu", 1, "PD94bWw=");
        assertThat(sunrise.signedMark()).isEqualTo("encoded:PD94bWw=");
        assertThat(checked.view(RESELLER, DKK).items()).filteredOn(i -> i.item().id().equals(sunrise.id()))
                .extracting(CartView.PricedItem::launchPhase).containsExactly("sunrise");
        // The host's own cart: .nu's registry is not connected in the demo.
        assertThat(catchThrowableOfType(() -> demo.host.carts().addDomain(RESELLER, DKK,
                        new Carts.AddDomain(ItemKind.REGISTER, "vaert-" + s + ".nu", 1, null, "PD94bWw=")),
                OrderInputException.class).errors().stream().map(InputError::code)).contains("registry-unavailable");

        // Pre-registration: taken without asking the registry (the name is not registrable yet).
        availability.set(DomainChecks.Availability.TAKEN);
        demo.clock.advance(Duration.ofDays(16));
        var early = added(unavailable, "tidlig-" + s + ".nu", 1, null);
        assertThat(early.signedMark()).isNull();
        assertThat(unavailable.view(RESELLER, DKK).items()).filteredOn(i -> i.item().id().equals(early.id()))
                .extracting(CartView.PricedItem::launchPhase).containsExactly("pre-registration");

        // General availability: first come, first served, so the registry's answer counts again.
        demo.clock.advance(Duration.ofDays(15));
        assertThat(refusal(unavailable, "sen-" + s + ".nu", 1, null).code()).isEqualTo("domain-taken");
        availability.set(DomainChecks.Availability.AVAILABLE);
        var normal = added(unavailable, "sen-" + s + ".nu", 1, null);
        assertThat(unavailable.view(RESELLER, DKK).items()).filteredOn(i -> i.item().id().equals(normal.id()))
                .extracting(CartView.PricedItem::launchPhase).containsOnlyNulls();

        // Before the first phase began no registration is taken.
        demo.clock.advance(Duration.ofDays(-40));
        assertThat(refusal(unavailable, "foer-" + s + ".nu", 1, null).code()).isEqualTo("phase-closed");
    }

    @DbTest
    void aDisabledOrUnknownTldIsNotOffered(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        emptyCart();
        String s = OrderingHost.suffix();
        TldEntry test = demo.host.catalog().find(Tld.of("test")).orElseThrow();
        demo.host.catalog().put(test.withEnabled(false));
        try {
            assertThat(catchThrowableOfType(() -> demo.host.carts().addDomain(RESELLER, DKK,
                    new Carts.AddDomain(ItemKind.REGISTER, "slukket-" + s + ".test", 1, null, null)),
                    OrderInputException.class).errors().get(0).code()).isEqualTo("tld-not-offered");
        } finally {
            demo.host.catalog().put(test);
        }
        assertThat(demo.host.carts().addDomain(RESELLER, DKK,
                new Carts.AddDomain(ItemKind.REGISTER, "taendt-" + s + ".test", 1, null, null)).items()).hasSize(1);
        assertThat(refusal(cartsWith(untrustedSignedMarks()), "ukendt-" + s + ".nosuchtld", 1, null).code())
                .isEqualTo("tld-not-offered");
        // Over the API: the first error's code is the answer's reason.
        var answer = demo.addRegistration(DemoData.RESELLER_TOKEN, "ukendt-" + s + ".nosuchtld", 1);
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(demo.reason(answer)).isEqualTo("tld-not-offered");
    }

    /** The methods share a database, and so the reseller's cart. */
    private void emptyCart() {
        for (CartView.PricedItem item : demo.host.carts().view(RESELLER, DKK).items()) {
            demo.host.carts().removeItem(RESELLER, item.item().id());
        }
    }

    /** A cart on the host's catalog, contacts and vouchers, with every registry running and {@link #availability}. */
    private Carts cartsWith(SignedMarks signedMarks) {
        DomainChecks checks = new DomainChecks() {
            @Override
            public Availability availability(DomainName name) {
                return availability.get();
            }

            @Override
            public TransferCheck transfer(DomainName name, String authCode) {
                return TransferCheck.accepted();
            }
        };
        return new Carts(demo.host.orders(), demo.host.catalog(), new CatalogRules(demo.host.catalog(), (tld, id) -> true),
                demo.host.addons(), checks, signedMarks, new VoucherDiscounts(demo.host.vouchers()),
                new CustomerHolders(demo.host.contacts()), SecretBox.withKey(new byte[32]), demo.clock);
    }

    private static InputError refusal(Carts carts, String domain, int years, String signedMark) {
        OrderInputException refused = catchThrowableOfType(() -> carts.addDomain(RESELLER, DKK,
                new Carts.AddDomain(ItemKind.REGISTER, domain, years, null, signedMark)), OrderInputException.class);
        assertThat(refused).as(domain + " was taken").isNotNull();
        return refused.errors().get(0);
    }

    private static org.kontor.host.orders.CartItem added(Carts carts, String domain, int years, String signedMark) {
        CartView cart = carts.addDomain(RESELLER, DKK, new Carts.AddDomain(ItemKind.REGISTER, domain, years, null, signedMark));
        DomainName name = DomainName.of(domain);
        return cart.items().stream().map(CartView.PricedItem::item).filter(i -> name.equals(i.domain())).findFirst()
                .orElseThrow();
    }

    private static List<String> syntax(Carts carts, String domain) {
        InputError error = refusal(carts, domain, 1, null);
        return List.of(error.code(), error.args().size() > 1 ? error.args().get(1) : "");
    }

    private String holder(String type, String organization, String country, String vatNumber) {
        return demo.host.contacts().create(DemoData.RESELLER_ID, new ContactInput(type, "Hanne Holder", organization,
                List.of("Vej 1"), "By", null, "US".equals(country) ? "10001" : "1000", country, "holder@example.net", "+45.12345678", null, null,
                vatNumber, null, null, List.of())).id();
    }

    private static void chooseHolder(Carts carts, String itemId, String holderId) {
        carts.updateItem(RESELLER, DemoData.RESELLER_ID, itemId, new Carts.ItemChange(holderId, null, null));
    }

    private static InputError holderRefusal(Carts carts, String itemId, String holderId) {
        OrderInputException refused = catchThrowableOfType(() -> chooseHolder(carts, itemId, holderId),
                OrderInputException.class);
        assertThat(refused).as("the holder was accepted").isNotNull();
        return refused.errors().get(0);
    }

    /** The real check with no clearinghouse CA trusted, as on a host where the operator configured none. */
    private static SignedMarks untrustedSignedMarks() {
        return new org.kontor.host.launch.SignedMarkChecks(new org.kontor.host.launch.SmdValidator(
                new org.kontor.host.launch.TmchTrust(List.of(), java.util.Optional.empty(), java.util.Optional.empty())));
    }
}
