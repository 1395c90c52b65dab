package org.kontor.host.storefront.cart;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.kontor.host.analytics.Consent;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.addons.AddonCatalog;
import org.kontor.host.catalog.CatalogStore;
import org.kontor.host.catalog.HolderType;
import org.kontor.host.customers.ContactInput;
import org.kontor.host.customers.Contacts;
import org.kontor.host.customers.FieldError;
import org.kontor.host.customers.HolderContact;
import org.kontor.host.customers.InvalidInputException;
import org.kontor.host.i18n.LocaleResolver;
import org.kontor.host.orders.CartItem;
import org.kontor.host.orders.CartOwner;
import org.kontor.host.orders.CartView;
import org.kontor.host.orders.Carts;
import org.kontor.host.orders.Checkout;
import org.kontor.host.orders.InputError;
import org.kontor.host.orders.Order;
import org.kontor.host.orders.OrderInputException;
import org.kontor.host.orders.PaymentOptions;

/**
 * The guided checkout (ORD-5, ORD-6, ORD-9, ORD-10, ORD-14), for signed-in customers only (a visitor is sent to sign
 * in and comes back with the cart carried over): {@code GET /checkout} shows a holder choice per domain, the
 * nameservers (the operator's or 2 to 13 of one's own), the review with totals and discount, the ways to pay and the
 * terms; {@code POST /checkout} saves the choices and places the order under the form's request key — rendered once
 * with the page, so a double submit gives the same order — and redirects to the order's page.
 * {@code POST /checkout/contacts} adds a holder, with the fields the cart's TLDs require. Template
 * {@code checkout/checkout.ftlh}.
 */
public final class CheckoutPages {

    static final String PATH = "/checkout";
    private static final Access[] BUYERS = {Access.CUSTOMER, Access.RESELLER};
    static final List<String> CONTACT_FIELDS = List.of("holderType", "name", "organization", "street", "city",
            "postalCode", "country", "email", "phone", "vatNumber");
    private static final Set<String> ORDER_INPUTS = Set.of("terms", "payment", "nameservers");

    private final Carts carts;
    private final AddonCatalog addons;
    private final Checkout checkout;
    private final Contacts contacts;
    private final CatalogStore catalog;
    private final Shoppers shoppers;
    private final LocaleResolver locales;
    private final Supplier<List<String>> defaultNameservers;

    CheckoutPages(Carts carts, AddonCatalog addons, Checkout checkout, Contacts contacts, CatalogStore catalog, Shoppers shoppers,
                  LocaleResolver locales, Supplier<List<String>> defaultNameservers) {
        this.carts = carts;
        this.addons = addons;
        this.checkout = checkout;
        this.contacts = contacts;
        this.catalog = catalog;
        this.shoppers = shoppers;
        this.locales = locales;
        this.defaultNameservers = defaultNameservers;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> render(ctx, Form.fresh()), BUYERS);
        routes.post(PATH, this::place, BUYERS);
        routes.post(PATH + "/contacts", this::addContact, BUYERS);
    }

    private void place(Context ctx) {
        String customerId = Caller.require(ctx).subject();
        CartOwner owner = CartOwner.customer(customerId);
        CartView cart = carts.view(owner, shoppers.currency(ctx));
        List<InputError> errors = new ArrayList<>();
        Map<String, List<InputError>> itemErrors = new LinkedHashMap<>();
        List<String> nameservers = nameservers(ctx);
        if ("own".equals(ctx.formParam("nameserverMode")) && nameservers.isEmpty()) {
            errors.add(InputError.of("nameservers", "nameserver-count", "Give 2 to 13 nameservers, or none for ours.",
                    "13"));
        }
        for (CartView.PricedItem priced : cart.items()) {
            CartItem item = priced.item();
            if (!item.kind().isDomain()) {
                continue;
            }
            String holder = ctx.formParam("holder." + item.id());
            try {
                carts.updateItem(owner, customerId, item.id(), new Carts.ItemChange(
                        holder == null || holder.isBlank() ? null : holder.strip(), nameservers, null));
            } catch (OrderInputException e) {
                for (InputError error : e.errors()) {
                    if (error.code().equals("unknown-item")) {
                        continue; // the item went meanwhile, e.g. with an earlier submit of this form
                    }
                    if (error.field().equals("nameservers")) {
                        if (errors.stream().noneMatch(known -> known.code().equals(error.code()))) {
                            errors.add(error);
                        }
                    } else {
                        itemErrors.computeIfAbsent(item.id(), id -> new ArrayList<>()).add(error);
                    }
                }
            }
        }
        if (errors.isEmpty() && itemErrors.isEmpty()) {
            try {
                Order order = checkout.place(new Checkout.PlaceOrder(customerId, ctx.formParam("requestKey"),
                        ctx.formParam("payment"), "on".equals(ctx.formParam("terms"))
                                || "true".equals(ctx.formParam("terms")), Consent.of(ctx).trackingAllowed(),
                        org.kontor.host.web.ClientAddress.of(ctx)));
                ctx.redirect(OrderPages.PATH + "/" + order.id(), HttpStatus.SEE_OTHER);
                return;
            } catch (OrderInputException e) {
                CartView now = carts.view(owner, shoppers.currency(ctx));
                for (InputError error : e.errors()) {
                    int index = itemIndex(error.field());
                    if (index >= 0 && index < now.items().size()) {
                        itemErrors.computeIfAbsent(now.items().get(index).item().id(), id -> new ArrayList<>()).add(error);
                    } else {
                        errors.add(error);
                    }
                }
            }
        }
        ctx.status(422);
        Form form = new Form(FormErrors.of(errors, ORDER_INPUTS, Map.of()), itemErrors, ctx.formParam("payment"),
                ctx.formParam("nameserverMode"), ctx.formParam("nameservers"), Map.of(), Map.of());
        render(ctx, form);
    }

    private void addContact(Context ctx) {
        String customerId = Caller.require(ctx).subject();
        CartOwner owner = CartOwner.customer(customerId);
        CartView cart = carts.view(owner, shoppers.currency(ctx));
        Map<String, String> values = new LinkedHashMap<>();
        CONTACT_FIELDS.forEach(field -> values.put(field, ctx.formParam(field) == null ? "" : ctx.formParam(field).strip()));
        List<String> street = values.get("street").lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        try {
            HolderContact contact = contacts.create(customerId, new ContactInput(values.get("holderType"),
                    values.get("name"), values.get("organization"), street, values.get("city"), null,
                    values.get("postalCode"), values.get("country"), values.get("email"), values.get("phone"), null,
                    null, values.get("vatNumber"), null, null, List.copyOf(tlds(cart))));
            for (CartView.PricedItem priced : cart.items()) {
                CartItem item = priced.item();
                if (item.kind().isDomain() && item.holderContactId() == null) {
                    try {
                        carts.updateItem(owner, customerId, item.id(), new Carts.ItemChange(contact.id(), null, null));
                    } catch (OrderInputException e) {
                        // This holder does not fit that domain; its choice stays open on the page.
                    }
                }
            }
            ctx.redirect(PATH + "#holders", HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(422);
            render(ctx, new Form(Map.of(), Map.of(), null, null, null, values, contactErrors(e.errors())));
        }
    }

    private void render(Context ctx, Form form) {
        String customerId = Caller.require(ctx).subject();
        Locale locale = Locale.forLanguageTag(locales.language(ctx).code());
        CartView cart = carts.view(CartOwner.customer(customerId), shoppers.currency(ctx));
        List<HolderContact> holders = contacts.list(customerId);
        Map<String, Object> page = new LinkedHashMap<>();
        Map<String, Object> cartView = PageViews.cart(cart, locale, addons);
        for (Object entry : (List<?>) cartView.get("items")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) entry;
            String id = item.get("id").toString();
            if (item.get("holder").toString().isEmpty() && !holders.isEmpty()) {
                item.put("holder", holders.get(0).id());
            }
            item.put("errors", PageViews.errors(form.itemErrors().getOrDefault(id, List.of())));
        }
        page.put("cart", cartView);
        page.put("holders", holders.stream().map(CheckoutPages::holderView).toList());
        List<String> defaults = defaultNameservers.get();
        page.put("defaultNameservers", defaults);
        List<String> current = cart.items().stream().filter(i -> i.item().kind().isDomain())
                .map(i -> i.item().nameservers()).filter(list -> !list.isEmpty()).findFirst().orElse(List.of());
        String mode = form.nameserverMode() != null ? form.nameserverMode() : current.isEmpty() ? "default" : "own";
        page.put("nameserverMode", mode.equals("own") ? "own" : "default");
        page.put("nameservers", form.nameservers() != null ? form.nameservers() : String.join("\n", current));
        List<PaymentOptions.Option> options = cart.isEmpty() ? List.of() : checkout.paymentOptions(customerId, cart);
        page.put("payments", options.stream().map(option -> Map.of("id", option.id(), "funding", option.funding())).toList());
        if (options.stream().anyMatch(option -> !option.funding())) {
            Checkout.VatQuote quote = checkout.vatQuote(customerId, cart);
            Map<String, Object> vat = new LinkedHashMap<>();
            vat.put("treatment", quote.tax().treatment());
            vat.put("rate", quote.tax().rate().toPlainString());
            vat.put("amount", PageViews.money(quote.vat(), locale));
            vat.put("total", PageViews.money(quote.total(), locale));
            vat.put("withPrepaid", options.stream().anyMatch(PaymentOptions.Option::funding));
            page.put("vat", vat);
        }
        String chosen = form.payment() != null ? form.payment() : options.isEmpty() ? "" : options.get(0).id();
        page.put("payment", chosen);
        page.put("requestKey", UUID.randomUUID().toString());
        page.put("errors", form.errors());
        page.put("contact", contactValues(form.contact(), ctx));
        page.put("contactErrors", form.contactErrors());
        page.put("holderTypes", List.of("INDIVIDUAL", "COMPANY", "ASSOCIATION", "PUBLIC_ORGANIZATION"));
        page.put("countries", countries(locale));
        page.put("requirements", requirements(cart));
        ctx.render("checkout/checkout.ftlh", page);
    }

    private static Map<String, Object> holderView(HolderContact holder) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", holder.id());
        view.put("name", holder.contact().name());
        view.put("organization", holder.contact().organization() == null ? "" : holder.contact().organization());
        view.put("type", holder.type().name());
        view.put("city", holder.contact().address().city());
        view.put("country", holder.contact().address().countryCode());
        return view;
    }

    /** Per TLD of the cart, what it asks of a holder: the fields by holder type, and where holders must live. */
    private List<Map<String, Object>> requirements(CartView cart) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String tld : tlds(cart)) {
            catalog.find(org.kontor.api.domain.Tld.of(tld)).ifPresent(entry -> {
                List<Map<String, Object>> fields = new ArrayList<>();
                for (HolderType type : HolderType.values()) {
                    Set<String> required = entry.requiredFields(type);
                    if (!required.isEmpty()) {
                        fields.add(Map.of("type", type.name(), "fields", List.copyOf(new TreeSet<>(required))));
                    }
                }
                if (!fields.isEmpty() || !entry.residenceCountries().isEmpty()) {
                    list.add(Map.of("tld", entry.tld().unicode(), "fields", fields,
                            "countries", List.copyOf(new TreeSet<>(entry.residenceCountries()))));
                }
            });
        }
        return list;
    }

    private static Set<String> tlds(CartView cart) {
        Set<String> tlds = new LinkedHashSet<>();
        cart.items().stream().filter(i -> i.item().kind().isDomain())
                .forEach(i -> tlds.add(i.item().domain().tld().ascii()));
        return tlds;
    }

    /** The own nameservers typed, one a line (or separated by spaces or commas); empty for the operator's. */
    private static List<String> nameservers(Context ctx) {
        if (!"own".equals(ctx.formParam("nameserverMode"))) {
            return List.of();
        }
        String text = ctx.formParam("nameservers") == null ? "" : ctx.formParam("nameservers");
        List<String> hosts = new ArrayList<>();
        for (String host : text.split("[\\s,]+")) {
            if (!host.isBlank()) {
                hosts.add(host.strip());
            }
        }
        return hosts;
    }

    private static int itemIndex(String field) {
        if (!field.startsWith("items[")) {
            return -1;
        }
        int end = field.indexOf(']');
        try {
            return Integer.parseInt(field.substring("items[".length(), end));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static Map<String, String> contactValues(Map<String, String> entered, Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        CONTACT_FIELDS.forEach(field -> values.put(field, entered.getOrDefault(field, "")));
        if (values.get("holderType").isEmpty()) {
            values.put("holderType", "INDIVIDUAL");
        }
        return values;
    }

    private static Map<String, Map<String, String>> contactErrors(Map<String, FieldError> errors) {
        Map<String, Map<String, String>> views = new LinkedHashMap<>();
        errors.forEach((field, error) -> views.put(field.startsWith("street") ? "street" : field,
                Map.of("code", error.code(), "arg", error.arg() == null ? "" : error.arg())));
        return views;
    }

    private static List<Map<String, String>> countries(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        List<Map<String, String>> list = new ArrayList<>();
        for (String country : Locale.getISOCountries()) {
            list.add(Map.of("code", country, "name", new Locale("", country).getDisplayCountry(locale)));
        }
        list.sort(Comparator.comparing(entry -> entry.get("name"), collator));
        return list;
    }

    /** What a refused checkout form had: its errors and choices; the new holder's fields and errors. */
    private record Form(Map<String, List<Map<String, Object>>> errors, Map<String, List<InputError>> itemErrors,
                        String payment, String nameserverMode, String nameservers, Map<String, String> contact,
                        Map<String, Map<String, String>> contactErrors) {
        static Form fresh() {
            return new Form(Map.of(), Map.of(), null, null, null, Map.of(), Map.of());
        }
    }
}
