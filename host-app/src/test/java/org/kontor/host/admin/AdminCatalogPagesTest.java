package org.kontor.host.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.domain.Tld;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.addons.AddonPrice;
import org.kontor.host.addons.AddonProduct;
import org.kontor.host.catalog.CatalogOperation;
import org.kontor.host.catalog.LaunchPhase;
import org.kontor.host.catalog.Phase;
import org.kontor.host.catalog.TldEntry;
import org.kontor.host.catalog.TldGroup;
import org.kontor.host.catalog.YearRange;
import org.kontor.host.customers.Browser;
import org.kontor.host.customers.CustomerHost;
import org.kontor.host.customers.SignUp;
import org.kontor.host.vouchers.StoredVoucher;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * The operator's pages for the catalog (ADM-4), products and prices (ADM-5) and vouchers: each lists what is stored,
 * changes it through its form with the session's CSRF token, refuses invalid input next to the field in the user's
 * language without changing anything, and is read-only for support staff and closed to customers. Every change lands in
 * the staff audit record.
 */
@DatabaseTest(migrateHost = true)
class AdminCatalogPagesTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "a long enough password";
    private static final Currency DKK = Currency.getInstance("DKK");

    private final TestClock clock = TestClock.at(Instant.parse("2030-03-01T10:00:00Z"));
    private KontorHost host;
    private String tld;

    @BeforeEach
    void start(Database database) throws Exception {
        host = CustomerHost.start(database, clock, Map.of());
        tld = "adm" + SEQUENCE.incrementAndGet() + Long.toString(System.nanoTime() % 100000, 36);
        tld = tld.replaceAll("[0-9]", "x");
        host.catalog().put(new TldEntry(Tld.of(tld), true, null, new YearRange(1, 5), new YearRange(1, 5), false, null,
                Map.of(), Set.of(), null, List.of()));
        host.catalog().setPrice(Tld.of(tld), CatalogOperation.REGISTER, Money.of("100.00", "DKK"));
        host.catalog().setPrice(Tld.of(tld), CatalogOperation.RENEW, Money.of("90.00", "DKK"));
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @DbTest
    void aTldIsListedAndEditedWithItsRulesPhasesGroupsAndPrices(Database database) throws Exception {
        String groupId = "grp-" + tld;
        host.catalog().putGroup(new TldGroup(groupId, Map.of("en", "Group " + tld, "da", "Gruppe " + tld), 99, List.of()));
        String staffId = account("staff", true, "en");
        Browser staff = signedIn(staffId);

        HttpResponse<String> list = staff.page("/admin/tlds");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"tld-" + tld + "\" data-enabled=\"true\"").contains("id=\"nav-tlds\"");

        HttpResponse<String> edit = staff.page("/admin/tlds/" + tld);
        assertThat(edit.body()).contains("id=\"price.REGISTER.DKK\"").contains("value=\"100.00\"")
                .contains("id=\"group-" + groupId + "\"");
        String token = Browser.csrfToken(edit);

        Map<String, String> form = validForm(token);
        form.put("groups", groupId);
        HttpResponse<String> saved = staff.form("/admin/tlds/" + tld, form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);

        TldEntry entry = host.catalog().find(Tld.of(tld)).orElseThrow();
        assertThat(entry.enabled()).isFalse();
        assertThat(entry.register()).isEqualTo(new YearRange(1, 3));
        assertThat(entry.renew()).isEqualTo(new YearRange(1, 10));
        assertThat(entry.idnAllowed()).isTrue();
        assertThat(entry.idnTable()).isEqualTo("da");
        assertThat(entry.requiredFields(org.kontor.host.catalog.HolderType.COMPANY)).containsExactlyInAnyOrder("vatNumber", "cvr");
        assertThat(entry.residenceCountries()).containsExactlyInAnyOrder("DK", "SE");
        assertThat(entry.phases()).containsExactly(
                new LaunchPhase(Phase.SUNRISE, Instant.parse("2030-04-01T00:00:00Z"), Instant.parse("2030-05-01T00:00:00Z")),
                new LaunchPhase(Phase.GENERAL_AVAILABILITY, Instant.parse("2030-05-01T00:00:00Z"), null));
        assertThat(host.catalog().pricesOf(Tld.of(tld))).isEqualTo(Map.of(
                CatalogOperation.REGISTER, List.of(Money.of("120.00", "DKK")),
                CatalogOperation.TRANSFER, List.of(Money.of("15.00", "EUR"))));
        assertThat(host.catalog().group(groupId).orElseThrow().tlds()).containsExactly(Tld.of(tld));
        assertThat(staff.page("/admin/tlds/" + tld + "?done=saved").body()).contains("id=\"tld-done\"")
                .contains("id=\"price.TRANSFER.EUR\"").contains("value=\"2030-04-01\"");

        HttpResponse<String> enabled = staff.form("/admin/tlds/" + tld + "/enable", Map.of("_csrf", token));
        assertThat(enabled.statusCode()).isEqualTo(303);
        assertThat(host.catalog().find(Tld.of(tld)).orElseThrow().enabled()).isTrue();

        String newTld = tld + "new";
        HttpResponse<String> added = staff.form("/admin/tlds", Map.of("_csrf", token, "newTld", "." + newTld));
        assertThat(added.headers().firstValue("Location").orElseThrow()).isEqualTo("/admin/tlds/" + newTld + "?done=added");
        assertThat(host.catalog().find(Tld.of(newTld)).orElseThrow().enabled()).isFalse();
        HttpResponse<String> again = staff.form("/admin/tlds", Map.of("_csrf", token, "newTld", newTld));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("id=\"newTld-error\"").contains("id=\"tld-" + tld + "\"");

        assertThat(audited(database, staffId)).contains("POST /admin/tlds/" + tld + " 303",
                "POST /admin/tlds/" + tld + "/enable 303", "POST /admin/tlds 303", "POST /admin/tlds 422");
    }

    @DbTest
    void invalidTldInputIsShownNextToTheFieldsInTheUsersLanguageAndNothingIsChanged(Database database) throws Exception {
        Browser staff = signedIn(account("personale", true, "da"));
        staff.language = "da";
        String token = Browser.csrfToken(staff.page("/admin/tlds/" + tld));
        TldEntry before = host.catalog().find(Tld.of(tld)).orElseThrow();
        var pricesBefore = host.catalog().pricesOf(Tld.of(tld));

        Map<String, String> form = validForm(token);
        form.put("register.maxYears", "11");
        form.put("registryId", "Not An Id");
        form.put("phases[0].endsAt", "2030-03-15");
        form.put("residenceCountries", "DK, XX");
        form.put("price.REGISTER.DKK", "-5");
        form.put("newPrice.currency", "ZZZ");
        HttpResponse<String> refused = staff.form("/admin/tlds/" + tld, form);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"register.maxYears-error\"").contains("id=\"registryId-error\"")
                .contains("id=\"phases[0].endsAt-error\"").contains("id=\"residenceCountries-error\"")
                .contains("id=\"price.REGISTER.DKK-error\"").contains("id=\"newPrice.currency-error\"")
                .contains("Angiv hele år fra 1 til 10").contains("Fasen skal slutte efter den starter")
                .contains("value=\"Not An Id\"").doesNotContain("id=\"renew.maxYears-error\"");
        assertThat(host.catalog().find(Tld.of(tld)).orElseThrow()).isEqualTo(before);
        assertThat(host.catalog().pricesOf(Tld.of(tld))).isEqualTo(pricesBefore);
    }

    @DbTest
    void tldGroupsAreAddedNamedFilledAndDeleted(Database database) throws Exception {
        String id = "grp-" + tld;
        String staffId = account("staff", true, "en");
        Browser staff = signedIn(staffId);
        String token = Browser.csrfToken(staff.page("/admin/tld-groups"));

        HttpResponse<String> added = staff.form("/admin/tld-groups", Map.of("_csrf", token, "newId", id));
        assertThat(added.headers().firstValue("Location").orElseThrow()).isEqualTo("/admin/tld-groups/" + id + "?done=added");
        assertThat(staff.form("/admin/tld-groups", Map.of("_csrf", token, "newId", "Not Valid")).statusCode()).isEqualTo(422);

        HttpResponse<String> refused = staff.form("/admin/tld-groups/" + id, Map.of("_csrf", token, "names.en", "",
                "names.da", "Europa", "position", "3", "tlds", tld + ", nosuchtld"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"tlds-error\"").contains(".nosuchtld is not in the catalog")
                .contains("id=\"names.en-error\"");
        assertThat(host.catalog().group(id).orElseThrow().tlds()).isEmpty();

        HttpResponse<String> saved = staff.form("/admin/tld-groups/" + id, Map.of("_csrf", token, "names.en", "Europe",
                "names.da", "Europa", "position", "3", "tlds", "." + tld));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        TldGroup group = host.catalog().group(id).orElseThrow();
        assertThat(group.names()).isEqualTo(Map.of("en", "Europe", "da", "Europa"));
        assertThat(group.position()).isEqualTo(3);
        assertThat(group.tlds()).containsExactly(Tld.of(tld));
        assertThat(staff.page("/admin/tld-groups").body()).contains("id=\"group-" + id + "\"").contains("Europe");
        assertThat(staff.page("/admin/tlds").body()).contains("Europe");

        assertThat(staff.form("/admin/tld-groups/" + id + "/delete", Map.of("_csrf", token)).statusCode()).isEqualTo(303);
        assertThat(host.catalog().group(id)).isEmpty();
        assertThat(audited(database, staffId)).contains("POST /admin/tld-groups 303", "POST /admin/tld-groups/" + id + " 422",
                "POST /admin/tld-groups/" + id + " 303", "POST /admin/tld-groups/" + id + "/delete 303");
    }

    @DbTest
    void addOnProductsAreListedAndTheirPricesChanged(Database database) throws Exception {
        String id = "mail-" + tld;
        host.addons().put(new AddonProduct(id, ChargeKind.EMAIL, "Mail " + tld, "Mailboxes", true, true, 5),
                Map.of(DKK, new AddonPrice(Money.of("25.00", "DKK"), 1)));
        String staffId = account("staff", true, "en");
        Browser staff = signedIn(staffId);

        HttpResponse<String> list = staff.page("/admin/products");
        assertThat(list.body()).contains("id=\"product-" + id + "\"").contains("Mail " + tld).contains("EMAIL");
        HttpResponse<String> edit = staff.page("/admin/products/" + id);
        assertThat(edit.body()).contains("value=\"25.00\"");
        String token = Browser.csrfToken(edit);

        Map<String, String> invalid = new HashMap<>(Map.of("_csrf", token, "name", " ", "position", "5",
                "prices[0].currency", "DKK", "prices[0].amount", "-1", "prices[0].months", "1",
                "prices[1].currency", "EUR", "prices[1].amount", "3.50", "prices[1].months", "0"));
        HttpResponse<String> refused = staff.form("/admin/products/" + id, invalid);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"name-error\"").contains("id=\"prices[0].amount-error\"")
                .contains("id=\"prices[1].months-error\"");
        assertThat(host.addons().find(id).orElseThrow().name()).isEqualTo("Mail " + tld);
        assertThat(host.addons().prices(id)).containsOnlyKeys(DKK);

        HttpResponse<String> saved = staff.form("/admin/products/" + id, Map.of("_csrf", token, "name", "Mail Plus",
                "description", "Ten mailboxes", "position", "2",
                "prices[0].currency", "DKK", "prices[0].amount", "30.00", "prices[0].months", "12",
                "prices[1].currency", "eur", "prices[1].amount", "4.00", "prices[1].months", "12"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        AddonProduct product = host.addons().find(id).orElseThrow();
        assertThat(product.name()).isEqualTo("Mail Plus");
        assertThat(product.enabled()).as("the box was not checked").isFalse();
        assertThat(product.position()).isEqualTo(2);
        assertThat(host.addons().prices(id)).isEqualTo(Map.of(
                DKK, new AddonPrice(Money.of("30.00", "DKK"), 12),
                Currency.getInstance("EUR"), new AddonPrice(Money.of("4.00", "EUR"), 12)));
        assertThat(audited(database, staffId)).contains("POST /admin/products/" + id + " 422",
                "POST /admin/products/" + id + " 303");
    }

    @DbTest
    void aProductsProvisionerIsOneThatRunsOrItsOwnAndNeedsAPlan(Database database) throws Exception {
        String id = "web-" + tld;
        host.addons().put(new AddonProduct(id, ChargeKind.HOSTING, "Web " + tld, "", false, true, 5, "stopped-panel",
                "web-10"), Map.of(DKK, new AddonPrice(Money.of("49.00", "DKK"), 1)));
        Browser staff = signedIn(account("staff", true, "en"));

        assertThat(staff.page("/admin/products").body()).contains("stopped-panel");
        HttpResponse<String> edit = staff.page("/admin/products/" + id);
        assertThat(edit.body()).contains("<option value=\"stopped-panel\" selected>").contains("value=\"web-10\"")
                .as("no provisioner runs on this host").doesNotContain("<option value=\"provisioning-webhook\"");
        String token = Browser.csrfToken(edit);
        Map<String, String> form = new HashMap<>(Map.of("_csrf", token, "name", "Web " + tld, "position", "5",
                "enabled", "true", "provisioner", "unknown-panel", "plan", "web-10",
                "prices[0].currency", "DKK", "prices[0].amount", "49.00", "prices[0].months", "1"));
        HttpResponse<String> refused = staff.form("/admin/products/" + id, form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"provisioner-error\"")
                .contains("Choose one of the running provisioners, or none.");
        form.put("provisioner", "stopped-panel");
        form.put("plan", "");
        assertThat(staff.form("/admin/products/" + id, form).body()).contains("id=\"plan-error\"");
        assertThat(host.addons().find(id).orElseThrow().plan()).isEqualTo("web-10");

        form.put("plan", "web-50");
        assertThat(staff.form("/admin/products/" + id, form).statusCode()).isEqualTo(303);
        assertThat(host.addons().find(id).orElseThrow().plan()).isEqualTo("web-50");
        form.put("provisioner", "");
        assertThat(staff.form("/admin/products/" + id, form).statusCode()).isEqualTo(303);
        AddonProduct manual = host.addons().find(id).orElseThrow();
        assertThat(manual.provisionerId()).as("set up by hand from now on").isNull();
        assertThat(manual.plan()).isNull();
    }

    @DbTest
    void vouchersAreCreatedEditedAndDeactivatedWithTheirRulesAndUsage(Database database) throws Exception {
        String code = ("ADM" + tld).toUpperCase(java.util.Locale.ROOT);
        String staffId = account("staff", true, "en");
        Browser staff = signedIn(staffId);
        String token = Browser.csrfToken(staff.page("/admin/vouchers"));

        HttpResponse<String> refused = staff.form("/admin/vouchers", new HashMap<>(Map.of("_csrf", token, "code", "x",
                "discountType", "percent", "percent", "150", "maxUses", "2", "maxUsesPerCustomer", "3",
                "validFrom", "2030-05-01", "validUntil", "2030-04-01", "tlds", "dk, no_tld")));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"code-error\"").contains("id=\"percent-error\"")
                .contains("id=\"maxUsesPerCustomer-error\"").contains("id=\"validUntil-error\"").contains("id=\"tlds-error\"")
                .contains("Enter a percentage above 0 and at most 100");
        assertThat(host.vouchers().store().all()).extracting(v -> v.voucher().code()).doesNotContain("X");

        HttpResponse<String> created = staff.form("/admin/vouchers", fields("_csrf", token, "code", code.toLowerCase(java.util.Locale.ROOT),
                "description", "Spring", "enabled", "true", "discountType", "amount", "amount", "50.00", "currency", "dkk",
                "minimumOrder", "200.00", "validUntil", "2030-06-01", "maxUses", "10", "tlds", "dk, .eu",
                "kinds", "DOMAIN_CREATE"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        StoredVoucher stored = host.vouchers().store().find(code).orElseThrow();
        assertThat(stored.voucher().discount()).isEqualTo(new org.kontor.host.vouchers.Discount.Amount(Money.of("50.00", "DKK")));
        assertThat(stored.voucher().minimumOrder()).isEqualTo(Money.of("200.00", "DKK"));
        assertThat(stored.voucher().validUntil()).isEqualTo(Instant.parse("2030-06-01T00:00:00Z"));
        assertThat(stored.voucher().tlds()).containsExactlyInAnyOrder("dk", "eu");
        assertThat(stored.voucher().kinds()).containsExactly(ChargeKind.DOMAIN_CREATE);
        HttpResponse<String> duplicate = staff.form("/admin/vouchers", Map.of("_csrf", token, "code", code,
                "discountType", "percent", "percent", "10"));
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("id=\"code-error\"");

        database.jdbi().useHandle(h -> h.createUpdate("UPDATE voucher SET used = 3 WHERE code = :code")
                .bind("code", code).execute());
        HttpResponse<String> list = staff.page("/admin/vouchers");
        assertThat(list.body()).contains("id=\"voucher-" + code + "\" data-status=\"active\"").contains("3 / 10");
        HttpResponse<String> page = staff.page("/admin/vouchers/" + code);
        assertThat(page.body()).contains("id=\"voucher-used\">3<").contains("value=\"200.00\"");

        HttpResponse<String> edited = staff.form("/admin/vouchers/" + code, Map.of("_csrf", token, "enabled", "true",
                "discountType", "percent", "percent", "12.5", "maxUses", "20"));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(303);
        StoredVoucher changed = host.vouchers().store().find(code).orElseThrow();
        assertThat(changed.voucher().discount()).isEqualTo(new org.kontor.host.vouchers.Discount.Percent(new java.math.BigDecimal("12.5")));
        assertThat(changed.voucher().maxUses()).isEqualTo(20);
        assertThat(changed.used()).as("the usage count stays").isEqualTo(3);

        HttpResponse<String> badEdit = staff.form("/admin/vouchers/" + code, Map.of("_csrf", token, "enabled", "true",
                "discountType", "percent", "percent", "0"));
        assertThat(badEdit.statusCode()).isEqualTo(422);
        assertThat(host.vouchers().store().find(code).orElseThrow().voucher()).isEqualTo(changed.voucher());

        HttpResponse<String> deactivated = staff.form("/admin/vouchers/" + code + "/disable", Map.of("_csrf", token));
        assertThat(deactivated.statusCode()).isEqualTo(303);
        assertThat(host.vouchers().store().find(code).orElseThrow().voucher().enabled()).isFalse();
        assertThat(staff.page("/admin/vouchers").body()).contains("id=\"voucher-" + code + "\" data-status=\"disabled\"");
        assertThat(audited(database, staffId)).contains("POST /admin/vouchers 303", "POST /admin/vouchers 422",
                "POST /admin/vouchers/" + code + " 303", "POST /admin/vouchers/" + code + "/disable 303");
    }

    @DbTest
    void supportStaffReadTheCatalogPagesButChangeNothingAndCustomersAreRefused(Database database) throws Exception {
        String id = "web-" + tld;
        host.addons().put(new AddonProduct(id, ChargeKind.HOSTING, "Web", "", false, true, 1),
                Map.of(DKK, new AddonPrice(Money.of("49.00", "DKK"), 1)));
        String support = host.apiTokens().issue("support-" + tld, Access.SUPPORT, "test");
        for (String path : List.of("/admin/tlds", "/admin/tlds/" + tld, "/admin/products", "/admin/products/" + id,
                "/admin/vouchers", "/admin/domains", "/admin/tld-groups")) {
            assertThat(send(support, "GET", path).statusCode()).as(path).isEqualTo(200);
        }
        for (String path : List.of("/admin/tlds", "/admin/tlds/" + tld, "/admin/tlds/" + tld + "/disable",
                "/admin/products/" + id, "/admin/vouchers", "/admin/domains/x.dk/sync", "/admin/tld-groups")) {
            assertThat(send(support, "POST", path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(host.catalog().find(Tld.of(tld)).orElseThrow().enabled()).isTrue();
        assertThat(audited(database, "support-" + tld)).contains("POST /admin/tlds/" + tld + "/disable 403");

        Browser customer = signedIn(account("kunde", false, "en"));
        String token = Browser.csrfToken(customer.page("/account"));
        for (String path : List.of("/admin/tlds", "/admin/tlds/" + tld, "/admin/products", "/admin/vouchers", "/admin/domains")) {
            assertThat(customer.page(path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(customer.form("/admin/tlds/" + tld + "/disable", Map.of("_csrf", token)).statusCode()).isEqualTo(403);
        assertThat(host.catalog().find(Tld.of(tld)).orElseThrow().enabled()).isTrue();
        HttpResponse<String> anonymous = new Browser(host.port()).page("/admin/vouchers");
        assertThat(anonymous.statusCode()).isEqualTo(303);
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    /** A complete, valid form for the TLD page: every field the page sends. */
    private static Map<String, String> validForm(String token) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", token);
        form.put("registryId", "");
        form.put("register.minYears", "1");
        form.put("register.maxYears", "3");
        form.put("renew.minYears", "1");
        form.put("renew.maxYears", "10");
        form.put("idn.allowed", "true");
        form.put("idn.table", "da");
        form.put("requiredFields.PERSON", "");
        form.put("requiredFields.COMPANY", "vatNumber, cvr");
        form.put("requiredFields.ASSOCIATION", "");
        form.put("requiredFields.PUBLIC_BODY", "");
        form.put("residenceCountries", "dk se");
        form.put("eligibilityNote", "");
        form.put("phases[0].phase", "SUNRISE");
        form.put("phases[0].startsAt", "2030-04-01");
        form.put("phases[0].endsAt", "2030-05-01");
        form.put("phases[1].phase", "GENERAL_AVAILABILITY");
        form.put("phases[1].startsAt", "2030-05-01T00:00:00Z");
        form.put("phases[1].endsAt", "");
        form.put("phases[2].phase", "");
        form.put("phases[2].startsAt", "");
        form.put("phases[2].endsAt", "");
        form.put("price.REGISTER.DKK", "120");
        form.put("price.RENEW.DKK", "");
        form.put("price.TRANSFER.DKK", "");
        form.put("price.RESTORE.DKK", "");
        form.put("newPrice.operation", "TRANSFER");
        form.put("newPrice.currency", "eur");
        form.put("newPrice.amount", "15.00");
        return form;
    }

    private static List<String> audited(Database database, String actor) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT method, path, status FROM staff_audit WHERE actor = :actor")
                .bind("actor", actor).map((rs, ctx) -> rs.getString("method") + " " + rs.getString("path") + " "
                        + rs.getInt("status")).list());
    }

    private HttpResponse<String> send(String token, String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .header("Authorization", "Bearer " + token).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("enabled=false"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String account(String name, boolean staff, String language) {
        String id = name + "-" + SEQUENCE.incrementAndGet() + "-" + tld;
        host.customers().create(id, new SignUp(id + "@example.dk", PASSWORD, "Navn " + name, null, "DK", language, "DKK"),
                Access.CUSTOMER);
        if (staff) {
            host.staffMembers().grant(id);
        }
        return id;
    }

    private Browser signedIn(String customerId) throws Exception {
        Browser browser = new Browser(host.port());
        String token = Browser.csrfToken(browser.page("/account/signin"));
        HttpResponse<String> signedIn = browser.form("/account/signin", Map.of("_csrf", token,
                "email", customerId + "@example.dk", "password", PASSWORD));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        return browser;
    }
}
