package org.kontor.host.billing.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.host.billing.BillingConfig;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceNumbers;
import org.kontor.host.billing.InvoiceState;
import org.kontor.host.billing.InvoiceStore;
import org.kontor.host.billing.Invoicing;
import org.kontor.host.billing.Party;
import org.kontor.host.billing.Seller;
import org.kontor.host.billing.VatTreatment;
import org.kontor.host.billing.profile.BillingProfile;
import org.kontor.host.billing.profile.BillingProfiles;
import org.kontor.host.billing.profile.Delivery;
import org.kontor.host.billing.vat.EuVatRates;
import org.kontor.host.billing.vat.OfflineVatIdValidator;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.Customers;
import org.kontor.host.customers.SignUp;
import org.kontor.host.i18n.SupportedLanguages;
import org.kontor.host.orders.OrderStore;
import org.kontor.host.orders.OrderTax;
import org.kontor.host.security.LoginThrottle;
import org.kontor.host.security.PasswordHasher;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.junit.jupiter.api.BeforeEach;

/**
 * The invoice of a completed order (BIL-1): the figures charged at checkout, the delivered lines only, the order's VAT
 * decision, once; none for prepaid orders or customers excluded from invoicing (PAY-4). The orders are written as the
 * checkout writes them, with their VAT.
 */
@DatabaseTest(migrateHost = true)
class OrderInvoicingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2034-02-10T09:00:00Z"), ZoneOffset.UTC);

    private Database db;
    private Customers customers;
    private BillingProfiles profiles;
    private OrderStore orders;
    private OrderInvoicing invoicing;
    private OrderVat vat;

    @BeforeEach
    void setUp(Database database) {
        db = database;
        customers = new Customers(db.jdbi(), CLOCK, new PasswordHasher(new PasswordHasher.Parameters(1024, 1, 1),
                new SecureRandom()), LoginThrottle.standard(db.jdbi(), CLOCK), SupportedLanguages.standard());
        profiles = new BillingProfiles(db.jdbi(), customers, CLOCK);
        orders = new OrderStore(db.jdbi(), CLOCK);
        BillingConfig config = new BillingConfig(new Seller(new Party("Kontor ApS", "Kontor ApS", List.of("Vesterbrogade 1"),
                "1620", "København V", "DK", "DK13585628", "13585628", null, "billing@kontor.example"),
                "DK5000400440116243", "DABADKKK", null, null), InvoiceNumbers.defaults(), 14,
                java.time.ZoneId.of("Europe/Copenhagen"));
        InvoiceStore store = new InvoiceStore(db.jdbi(), db.dialect(), CLOCK, InvoiceNumbers.defaults());
        Invoicing issuing = new Invoicing(store, config, EuVatRates.standard(), new OfflineVatIdValidator(CLOCK),
                (language, key, args) -> key, CLOCK);
        invoicing = new OrderInvoicing(orders, issuing, profiles, customers, db.jdbi());
        vat = new OrderVat(profiles, issuing.rules(), new OfflineVatIdValidator(CLOCK));
    }

    @DbTest
    void aCompletedOrderIsInvoicedWithTheFiguresChargedForItsDeliveredLinesOnce() {
        Customer buyer = customer("DK", null, "da");
        profiles.save(new BillingProfile(buyer.id(), List.of("Nørregade 7"), "1165", "København K", null, null, null,
                Delivery.EMAIL, false, false));
        OrderTax tax = vat.taxFor(buyer.id());
        assertThat(tax.treatment()).isEqualTo("DOMESTIC");
        assertThat(tax.rate()).isEqualByComparingTo("25");
        String orderId = completedOrder(buyer, tax, line("Registration of kunde.dk, 1 year", 8900, 0, "COMPLETED"),
                line("Registration of taken.dk, 1 year", 8900, 0, "FAILED"),
                line("E-mail hosting, 12 months", 36000, 3600, "COMPLETED"));

        Invoice invoice = invoicing.invoice(orderId).orElseThrow();

        assertThat(invoice.state()).as("paid through the gateway before it was provisioned").isEqualTo(InvoiceState.PAID);
        assertThat(invoice.orderId()).isEqualTo(orderId);
        assertThat(invoice.language()).isEqualTo("da");
        assertThat(invoice.lines()).extracting(line -> line.description()).containsExactly(
                "Registration of kunde.dk, 1 year", "E-mail hosting, 12 months");
        assertThat(invoice.net()).isEqualTo(Money.of("413.00", "DKK"));
        assertThat(invoice.vat()).as("exactly the VAT charged per line").isEqualTo(Money.of("103.25", "DKK"));
        assertThat(invoice.gross()).isEqualTo(Money.of("516.25", "DKK"));
        assertThat(invoice.buyer().street()).containsExactly("Nørregade 7");
        assertThat(invoice.vatTreatment()).isEqualTo(VatTreatment.DOMESTIC);
        assertThat(invoicing.invoice(orderId).orElseThrow().id()).as("a second call").isEqualTo(invoice.id());
        assertThat(invoicing.uninvoiced(100)).doesNotContain(orderId);
    }

    @DbTest
    void aBusinessInAnotherMemberStateIsInvoicedUnderReverseChargeAsItWasCharged() {
        Customer buyer = customer("DE", "Muster GmbH", "de");
        profiles.save(new BillingProfile(buyer.id(), List.of("Hauptstraße 5"), "10115", "Berlin", "DE136695976", null,
                null, Delivery.EMAIL, false, false));
        OrderTax tax = vat.taxFor(buyer.id());
        assertThat(tax.treatment()).isEqualTo("REVERSE_CHARGE");
        assertThat(tax.buyerVatCheck()).isEqualTo("VALID");
        String orderId = completedOrder(buyer, tax, line("Registration of muster.de, 1 year", 1200, 0, "COMPLETED"));

        Invoice invoice = invoicing.invoice(orderId).orElseThrow();

        assertThat(invoice.vatTreatment()).isEqualTo(VatTreatment.REVERSE_CHARGE);
        assertThat(invoice.vat()).isEqualTo(Money.of("0.00", "DKK"));
        assertThat(invoice.vatNote()).isEqualTo("invoice.note.reverseCharge");
        assertThat(invoice.buyerVatCheck()).isEqualTo("VALID");
    }

    @DbTest
    void prepaidOrdersAndExcludedCustomersGetNoInvoice() {
        Customer reseller = customer("DK", "Reseller ApS", "da");
        String prepaid = completedOrder(reseller, OrderTax.none(), line("Renewal of r.dk", 7500, 0, "COMPLETED"));
        assertThat(invoicing.invoice(prepaid)).as("the monthly settlement invoices prepaid draws").isEmpty();

        Customer excluded = customer("DK", null, "en");
        profiles.save(new BillingProfile(excluded.id(), List.of(), null, null, null, null, null, Delivery.EMAIL, true,
                false));
        String orderId = completedOrder(excluded, vat.taxFor(excluded.id()), line("Registration of x.dk", 8900, 0,
                "COMPLETED"));
        assertThat(invoicing.invoice(orderId)).isEmpty();
        assertThat(invoicing.uninvoiced(1000)).doesNotContain(prepaid, orderId);
    }

    @DbTest
    void anOrderInvoicedNeitherAtCompletionNorLaterIsFoundByTheJob() {
        Customer buyer = customer("CZ", null, "cs");
        OrderTax tax = vat.taxFor(buyer.id());
        assertThat(tax.treatment()).as("a Czech consumer pays Czech VAT").isEqualTo("EU_B2C");
        assertThat(tax.rate()).isEqualByComparingTo("21");
        String orderId = completedOrder(buyer, tax, line("Registration of firma.cz", 10000, 0, "COMPLETED"));

        assertThat(invoicing.uninvoiced(1000)).contains(orderId);
        Invoice invoice = invoicing.invoice(orderId).orElseThrow();
        assertThat(invoice.vat()).isEqualTo(Money.of("21.00", "DKK"));
        assertThat(invoicing.uninvoiced(1000)).doesNotContain(orderId);
    }

    private record Line(String description, long priceMinor, long discountMinor, String state) {
    }

    private static Line line(String description, long priceMinor, long discountMinor, String state) {
        return new Line(description, priceMinor, discountMinor, state);
    }

    private Customer customer(String country, String company, String language) {
        return customers.signUp(new SignUp("buyer-" + UUID.randomUUID() + "@example.org", "a long password 123",
                "Karen Kunde", company, country, language, "DKK"));
    }

    /** An order as the checkout writes it (net, VAT per line rounded half-up), then provisioned to these states. */
    private String completedOrder(Customer customer, OrderTax tax, Line... lines) {
        String orderId = "O-" + UUID.randomUUID();
        long subtotal = 0;
        long discount = 0;
        long vatTotal = 0;
        List<long[]> figures = new ArrayList<>();
        for (Line line : lines) {
            long net = line.priceMinor() - line.discountMinor();
            long lineVat = tax.vatOn(Money.ofMinor(net, java.util.Currency.getInstance("DKK"))).toMinorUnits();
            figures.add(new long[] {net, lineVat});
            subtotal += line.priceMinor();
            discount += line.discountMinor();
            vatTotal += lineVat;
        }
        long total = subtotal - discount + vatTotal;
        long vatSum = vatTotal;
        long subtotalSum = subtotal;
        long discountSum = discount;
        db.jdbi().useTransaction(h -> {
            h.createUpdate("INSERT INTO customer_order (id, customer_id, request_key, currency, subtotal_minor, "
                            + "discount_minor, total_minor, payment_method, state, terms_accepted_at, placed_at, updated_at, "
                            + "vat_minor, vat_treatment, vat_country, vat_rate, buyer_vat_check) VALUES (:id, :customer, "
                            + ":id, 'DKK', :subtotal, :discount, :total, :payment, 'COMPLETED', 1, 1, 1, :vat, :treatment, "
                            + ":country, :rate, :check)")
                    .bind("id", orderId).bind("customer", customer.id()).bind("subtotal", subtotalSum)
                    .bind("discount", discountSum).bind("total", total)
                    .bind("payment", tax.isNone() ? "prepaid-account" : "card")
                    .bind("vat", vatSum).bind("treatment", tax.treatment()).bind("country", tax.country())
                    .bind("rate", tax.rate().toPlainString()).bind("check", tax.buyerVatCheck()).execute();
            int lineNo = 0;
            for (Line line : lines) {
                long[] figure = figures.get(lineNo);
                lineNo++;
                h.createUpdate("INSERT INTO order_line (order_id, line_no, kind, charge_kind, description, period_months, "
                                + "price_minor, discount_minor, operation_key, state, updated_at, vat_minor) VALUES "
                                + "(:order, :line, 'ADDON', 'OTHER', :description, 12, :price, :discount, :key, :state, 1, "
                                + ":vat)")
                        .bind("order", orderId).bind("line", lineNo).bind("description", line.description())
                        .bind("price", line.priceMinor()).bind("discount", line.discountMinor())
                        .bind("key", orderId + ":" + lineNo).bind("state", line.state()).bind("vat", figure[1])
                        .execute();
            }
        });
        return orderId;
    }
}
