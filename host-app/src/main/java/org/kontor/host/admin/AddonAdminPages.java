package org.kontor.host.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kontor.api.money.Money;
import org.kontor.api.web.Access;
import org.kontor.host.addons.AddonCatalog;
import org.kontor.host.addons.AddonPrice;
import org.kontor.host.addons.AddonProduct;
import org.kontor.host.web.ProblemException;

/**
 * Products and prices in the admin (ADM-5): the add-on products sold beside domains (e-mail, hosting, domain services)
 * with a page each to change its name, description, order, whether it is offered, and its price per currency for a
 * period of months, and the provisioner and plan that set its services up (ADD-2) — one of the running provisioners, or
 * none for a service staff set up by hand (active at once). Domain prices are kept per TLD on the TLD pages.
 */
public final class AddonAdminPages {

    static final int NAME_LENGTH = 100;
    static final int DESCRIPTION_LENGTH = 500;
    static final int PLAN_LENGTH = 100;

    private final AddonCatalog addons;
    private final java.util.function.Supplier<List<String>> provisioners;
    private final AdminView view;

    /** @param provisioners the ids of the running provisioners */
    public AddonAdminPages(AddonCatalog addons, java.util.function.Supplier<List<String>> provisioners, AdminView view) {
        this.addons = addons;
        this.provisioners = provisioners;
        this.view = view;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/products", this::list, Access.ADMIN);
        routes.get("/admin/products/{id}", this::show, Access.ADMIN);
        routes.post("/admin/products/{id}", this::save, Access.ADMIN);
    }

    private void list(Context ctx) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AddonProduct product : addons.all()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", product.id());
            row.put("name", product.name());
            row.put("kind", product.kind().name());
            row.put("enabled", product.enabled());
            row.put("perDomain", product.perDomain());
            row.put("provisioner", product.provisionerId() == null ? "" : product.provisionerId());
            row.put("prices", addons.prices(product.id()).values().stream()
                    .map(price -> view.money(ctx, price.amount()) + " / " + price.periodMonths()).toList());
            rows.add(row);
        }
        view.render(ctx, "products.ftlh", Map.of("products", rows));
    }

    private void show(Context ctx) {
        AddonProduct product = product(ctx);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", product.name());
        form.put("description", product.description());
        form.put("enabled", product.enabled());
        form.put("position", Integer.toString(product.position()));
        form.put("provisioner", product.provisionerId() == null ? "" : product.provisionerId());
        form.put("plan", product.plan() == null ? "" : product.plan());
        List<Map<String, String>> prices = new ArrayList<>();
        addons.prices(product.id()).forEach((currency, price) -> prices.add(Map.of("currency", currency.getCurrencyCode(),
                "amount", price.amount().amount().toPlainString(), "months", Integer.toString(price.periodMonths()))));
        prices.add(Map.of("currency", "", "amount", "", "months", ""));
        form.put("prices", prices);
        render(ctx, product, form, Map.of());
    }

    private void render(Context ctx, AddonProduct product, Map<String, Object> form, Map<String, Map<String, String>> errors) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("id", product.id());
        page.put("kind", product.kind().name());
        page.put("perDomain", product.perDomain());
        page.put("form", form);
        page.put("errors", errors);
        page.put("provisioners", provisionerChoices(product));
        page.put("done", ctx.queryParam("done") == null ? "" : ctx.queryParam("done"));
        view.render(ctx, "product.ftlh", page);
    }

    private void save(Context ctx) {
        AddonProduct product = product(ctx);
        AdminForms.Errors errors = new AdminForms.Errors();
        Map<String, Object> form = new LinkedHashMap<>();
        String name = AdminForms.text(ctx, "name");
        String description = AdminForms.text(ctx, "description");
        boolean enabled = AdminForms.checked(ctx, "enabled");
        form.put("name", name);
        form.put("description", description);
        form.put("enabled", enabled);
        form.put("position", AdminForms.text(ctx, "position"));
        String provisioner = AdminForms.text(ctx, "provisioner");
        String plan = AdminForms.text(ctx, "plan");
        form.put("provisioner", provisioner);
        form.put("plan", plan);
        if (!provisioner.isEmpty() && !provisionerChoices(product).contains(provisioner)) {
            errors.add("provisioner", "provisioner-not-running");
        }
        if (!provisioner.isEmpty() && plan.isEmpty()) {
            errors.add("plan", "required");
        } else if (plan.length() > PLAN_LENGTH) {
            errors.add("plan", "too-long", Integer.toString(PLAN_LENGTH));
        }
        if (name.isEmpty()) {
            errors.add("name", "required");
        } else if (name.length() > NAME_LENGTH) {
            errors.add("name", "too-long", Integer.toString(NAME_LENGTH));
        }
        if (description.length() > DESCRIPTION_LENGTH) {
            errors.add("description", "too-long", Integer.toString(DESCRIPTION_LENGTH));
        }
        Integer position = AdminForms.integer(ctx, "position", "whole-number", errors);
        Map<Currency, AddonPrice> prices = new LinkedHashMap<>();
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 20 && ctx.formParam("prices[" + i + "].currency") != null; i++) {
            String at = "prices[" + i + "]";
            String code = AdminForms.text(ctx, at + ".currency").toUpperCase(Locale.ROOT);
            String amount = AdminForms.text(ctx, at + ".amount");
            String months = AdminForms.text(ctx, at + ".months");
            if (amount.isEmpty()) {
                continue; // no amount: no price in this currency
            }
            rows.add(Map.of("currency", code, "amount", amount, "months", months));
            String row = "prices[" + (rows.size() - 1) + "]";
            Currency currency = AdminForms.currency(code);
            if (currency == null) {
                errors.add(row + ".currency", code.isEmpty() ? "required" : "currency-code");
            } else if (prices.containsKey(currency)) {
                errors.add(row + ".currency", "price-exists");
            }
            Money money = currency == null ? null : AdminForms.money(amount, currency);
            if (currency != null && (money == null || money.isNegative())) {
                errors.add(row + ".amount", "amount-not-negative");
            }
            Integer period = null;
            try {
                period = Integer.valueOf(months);
            } catch (NumberFormatException e) {
                // refused below
            }
            if (period == null || period < 1 || period > 120) {
                errors.add(row + ".months", "period-months");
            }
            if (currency != null && money != null && !money.isNegative() && period != null && period >= 1 && period <= 120
                    && !prices.containsKey(currency)) {
                prices.put(currency, new AddonPrice(money, period));
            }
        }
        List<Map<String, String>> shown = new ArrayList<>(rows);
        shown.add(Map.of("currency", "", "amount", "", "months", ""));
        form.put("prices", shown);
        if (!errors.isEmpty()) {
            ctx.status(422);
            render(ctx, product, form, errors.asMap());
            return;
        }
        addons.put(new AddonProduct(product.id(), product.kind(), name, description, product.perDomain(), enabled,
                position == null ? product.position() : position, provisioner.isEmpty() ? null : provisioner,
                provisioner.isEmpty() ? null : plan), prices);
        ctx.redirect("/admin/products/" + product.id() + "?done=saved", HttpStatus.SEE_OTHER);
    }

    /** The running provisioners, and the product's own even while it is not running (so that saving keeps it). */
    private List<String> provisionerChoices(AddonProduct product) {
        List<String> choices = new ArrayList<>(provisioners.get());
        if (product.provisionerId() != null && !choices.contains(product.provisionerId())) {
            choices.add(product.provisionerId());
        }
        return choices;
    }

    private AddonProduct product(Context ctx) {
        return addons.find(ctx.pathParam("id"))
                .orElseThrow(() -> ProblemException.notFound("There is no product '" + ctx.pathParam("id") + "'."));
    }
}
