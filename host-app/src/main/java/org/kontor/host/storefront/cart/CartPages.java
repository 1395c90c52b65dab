package org.kontor.host.storefront.cart;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.kontor.api.domain.DomainName;
import org.kontor.api.web.Access;
import org.kontor.host.addons.AddonCatalog;
import org.kontor.host.catalog.CatalogStore;
import org.kontor.host.catalog.TldEntry;
import org.kontor.host.catalog.YearRange;
import org.kontor.host.customers.Contacts;
import org.kontor.host.i18n.LocaleResolver;
import org.kontor.host.orders.CartOwner;
import org.kontor.host.orders.CartView;
import org.kontor.host.orders.Carts;
import org.kontor.host.orders.InputError;
import org.kontor.host.orders.ItemKind;
import org.kontor.host.orders.OrderInputException;

/**
 * The cart page (ORD-5, ORD-12, ORD-13): {@code GET /cart} (with {@code ?transfer=<name>} filling in the transfer
 * form), {@code POST /cart/items} (fields {@code operation} register, transfer or addon, {@code domain},
 * {@code period} in years, {@code authCode}, {@code product}), {@code POST /cart/items/{id}} (period, holder),
 * {@code POST /cart/items/{id}/remove}, {@code POST /cart/voucher} ({@code code}) and
 * {@code POST /cart/voucher/remove}. A change that goes through redirects to the cart; a refused one shows the cart
 * again (422) with the message at the form's field and what was typed, and the cart as it was. Template
 * {@code cart/cart.ftlh}.
 */
public final class CartPages {

    static final String PATH = "/cart";
    private static final Set<String> ADD_INPUTS = Set.of("domain", "period", "signedMark");
    /** Larger than any real SMD file; the validator refuses what is larger still. */
    private static final long MAX_SMD_BYTES = 512 * 1024;
    private static final Set<String> TRANSFER_INPUTS = Set.of("domain", "authCode", "period");
    private static final Set<String> ADDON_INPUTS = Set.of("product", "domain");
    private static final Set<String> ITEM_INPUTS = Set.of("period", "holder");
    private static final Set<String> VOUCHER_INPUTS = Set.of("voucher");
    private static final Map<String, String> RENAMED = Map.of("years", "period", "code", "voucher");

    private final Carts carts;
    private final AddonCatalog addons;
    private final CatalogStore catalog;
    private final Contacts contacts;
    private final Shoppers shoppers;
    private final LocaleResolver locales;

    CartPages(Carts carts, AddonCatalog addons, CatalogStore catalog, Contacts contacts, Shoppers shoppers,
              LocaleResolver locales) {
        this.carts = carts;
        this.addons = addons;
        this.catalog = catalog;
        this.contacts = contacts;
        this.shoppers = shoppers;
        this.locales = locales;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> render(ctx, Refusal.none()), Access.PUBLIC);
        routes.post(PATH + "/items", this::add, Access.PUBLIC);
        routes.post(PATH + "/items/{id}", this::change, Access.PUBLIC);
        routes.post(PATH + "/items/{id}/remove", ctx -> change(ctx, "item:" + ctx.pathParam("id"), ITEM_INPUTS,
                () -> carts.removeItem(shoppers.owner(ctx), ctx.pathParam("id"))), Access.PUBLIC);
        routes.post(PATH + "/voucher", ctx -> change(ctx, "voucher", VOUCHER_INPUTS,
                () -> carts.applyVoucher(shoppers.owner(ctx), shoppers.currency(ctx), ctx.formParam("code"))),
                Access.PUBLIC);
        routes.post(PATH + "/voucher/remove", ctx -> change(ctx, "voucher", VOUCHER_INPUTS,
                () -> carts.removeVoucher(shoppers.owner(ctx), shoppers.currency(ctx))), Access.PUBLIC);
    }

    private void add(Context ctx) {
        String operation = text(ctx, "operation").toLowerCase(Locale.ROOT);
        CartOwner owner = shoppers.owner(ctx);
        switch (operation) {
            case "addon" -> change(ctx, "addon", ADDON_INPUTS, () -> carts.addAddon(owner, shoppers.currency(ctx),
                    text(ctx, "product"), ctx.formParam("domain")));
            case "transfer" -> change(ctx, "transfer", TRANSFER_INPUTS, () -> carts.addDomain(owner,
                    shoppers.currency(ctx), new Carts.AddDomain(ItemKind.TRANSFER, ctx.formParam("domain"),
                            years(ctx), ctx.formParam("authCode"), null)));
            case "register", "" -> change(ctx, "add", ADD_INPUTS, () -> carts.addDomain(owner, shoppers.currency(ctx),
                    new Carts.AddDomain(ItemKind.REGISTER, ctx.formParam("domain"), years(ctx), null, signedMark(ctx))));
            default -> refuse(ctx, "add", ADD_INPUTS, new OrderInputException(InputError.of("operation", "kind-invalid",
                    "operation is register, transfer or addon.", operation)));
        }
    }

    /** The SMD file a sunrise registration carries (ORD-8), uploaded with the add-a-domain form; null without one. */
    private static String signedMark(Context ctx) {
        if (!ctx.isMultipartFormData()) {
            return null;
        }
        io.javalin.http.UploadedFile file = ctx.uploadedFile("signedMark");
        if (file == null || file.size() == 0) {
            return null;
        }
        if (file.size() > MAX_SMD_BYTES) {
            throw new OrderInputException(InputError.of("signedMark", "smd-malformed", "The SMD file is too large."));
        }
        try (java.io.InputStream content = file.content()) {
            return new String(content.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void change(Context ctx) {
        String id = ctx.pathParam("id");
        String form = "item:" + id;
        change(ctx, form, ITEM_INPUTS, () -> {
            String holder = ctx.formParam("holder");
            String period = ctx.formParam("period");
            Optional<String> customer = shoppers.customerId(ctx);
            return carts.updateItem(shoppers.owner(ctx), customer.orElse(null), id, new Carts.ItemChange(
                    holder == null || holder.isBlank() ? null : holder.strip(), null,
                    period == null ? null : years(ctx)));
        });
    }

    /** Makes the change and redirects to the cart, or shows the cart with the change's errors. */
    private void change(Context ctx, String form, Set<String> inputs, Supplier<CartView> change) {
        try {
            change.get();
            ctx.redirect(PATH + anchor(form), HttpStatus.SEE_OTHER);
        } catch (OrderInputException e) {
            refuse(ctx, form, inputs, e);
        }
    }

    private void refuse(Context ctx, String form, Set<String> inputs, OrderInputException e) {
        ctx.status(422);
        render(ctx, new Refusal(form, FormErrors.of(e.errors(), inputs, RENAMED)));
    }

    private void render(Context ctx, Refusal refusal) {
        Locale locale = Locale.forLanguageTag(locales.language(ctx).code());
        CartView cart = carts.view(shoppers.owner(ctx), shoppers.currency(ctx));
        Map<String, Object> view = PageViews.cart(cart, locale, addons);
        for (Object item : (List<?>) view.get("items")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> itemView = (Map<String, Object>) item;
            if ((boolean) itemView.get("isDomain")) {
                itemView.put("periods", periods(DomainName.of(itemView.get("domainAscii").toString())));
            }
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("cart", view);
        page.put("signedIn", shoppers.customerId(ctx).isPresent());
        page.put("contacts", shoppers.customerId(ctx).map(id -> contacts.list(id).stream()
                .map(c -> Map.of("id", c.id(), "name", c.contact().name()
                        + (c.contact().organization() == null ? "" : ", " + c.contact().organization())))
                .toList()).orElse(List.of()));
        page.put("addons", addonOffers(cart, locale));
        page.put("cartDomains", cart.items().stream().filter(i -> i.item().kind().isDomain())
                .map(i -> i.item().domain().unicode()).toList());
        page.put("periods", IntStream.rangeClosed(1, YearRange.LONGEST).boxed().toList());
        page.put("form", refusal.form());
        page.put("errors", refusal.errors());
        page.put("values", values(ctx, refusal.form()));
        ctx.render("cart/cart.ftlh", page);
    }

    private List<Map<String, Object>> addonOffers(CartView cart, Locale locale) {
        List<Map<String, Object>> offers = new ArrayList<>();
        addons.offered().forEach(product -> addons.price(product.id(), cart.currency()).ifPresent(price -> {
            Map<String, Object> offer = new LinkedHashMap<>();
            offer.put("id", product.id());
            offer.put("name", product.name());
            offer.put("description", product.description() == null ? "" : product.description());
            offer.put("perDomain", product.perDomain());
            offer.put("price", PageViews.money(price.amount(), locale));
            offer.put("months", price.periodMonths());
            offers.add(offer);
        }));
        return offers;
    }

    /** The periods in years the TLD takes; 1 to 10 when the catalog does not know it. */
    private List<Integer> periods(DomainName name) {
        YearRange range = catalog.find(name.tld()).map(TldEntry::register).orElse(new YearRange(1, YearRange.LONGEST));
        return IntStream.rangeClosed(range.min(), range.max()).boxed().toList();
    }

    /** What the refused form had (never an auth code), or the transfer form's name from {@code ?transfer=}. */
    private static Map<String, String> values(Context ctx, String form) {
        Map<String, String> values = new LinkedHashMap<>();
        String transfer = ctx.queryParam("transfer");
        values.put("transferDomain", transfer == null ? "" : transfer.strip());
        values.put("addDomain", "");
        values.put("voucher", "");
        values.put("period", "1");
        if (form == null) {
            return values;
        }
        String domain = ctx.formParam("domain") == null ? "" : ctx.formParam("domain").strip();
        switch (form) {
            case "add" -> values.put("addDomain", domain);
            case "transfer" -> values.put("transferDomain", domain);
            case "voucher" -> values.put("voucher", ctx.formParam("code") == null ? "" : ctx.formParam("code").strip());
            default -> { }
        }
        String period = ctx.formParam("period");
        if (period != null && period.strip().matches("\\d{1,2}")) {
            values.put("period", period.strip());
        }
        return values;
    }

    /** The period field in whole years; anything else is refused as a period the TLD does not allow. */
    private static Integer years(Context ctx) {
        String text = ctx.formParam("period");
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new OrderInputException(InputError.of("years", "period-not-allowed", "A period is 1 to 10 years.",
                    text.strip()));
        }
    }

    private static String text(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value.strip();
    }

    private static String anchor(String form) {
        return form.startsWith("item:") ? "" : "#" + form;
    }

    /** Which form was refused and its errors; none for a plain visit. */
    private record Refusal(String form, Map<String, List<Map<String, Object>>> errors) {
        static Refusal none() {
            return new Refusal(null, Map.of());
        }
    }
}
