package org.kontor.host.storefront.cart;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kontor.api.money.Money;
import org.kontor.host.addons.AddonCatalog;
import org.kontor.host.addons.AddonProduct;
import org.kontor.host.orders.CartItem;
import org.kontor.host.orders.CartView;
import org.kontor.host.orders.InputError;
import org.kontor.host.orders.ItemKind;

/** Turns the ordering core's values into what the templates show: amounts in the visitor's language, errors as keys. */
final class PageViews {

    private PageViews() {
    }

    /** The add-on product's name as the operator wrote it, or its id when it is gone from the catalog. */
    static String productName(AddonCatalog addons, String productId) {
        if (productId == null) {
            return "";
        }
        return addons.find(productId).map(AddonProduct::name).orElse(productId);
    }

    static String money(Money money, Locale locale) {
        if (money == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        format.setMinimumFractionDigits(money.currency().getDefaultFractionDigits());
        format.setMaximumFractionDigits(money.currency().getDefaultFractionDigits());
        return format.format(money.amount());
    }

    /** An error for a template: the message key {@code order.error.<code>} and its arguments, by field. */
    static Map<String, Object> error(InputError error) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("field", error.field());
        view.put("code", error.code());
        view.put("key", error.messageKey());
        view.put("args", error.args());
        return view;
    }

    static List<Map<String, Object>> errors(List<InputError> errors) {
        return errors.stream().map(PageViews::error).toList();
    }

    static Map<String, Object> cart(CartView cart, Locale locale, AddonCatalog addons) {
        Map<String, Object> view = new LinkedHashMap<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (CartView.PricedItem priced : cart.items()) {
            CartItem item = priced.item();
            Map<String, Object> itemView = new LinkedHashMap<>();
            itemView.put("id", item.id());
            itemView.put("kind", item.kind().name().toLowerCase(Locale.ROOT));
            itemView.put("domain", item.domain() == null ? "" : item.domain().unicode());
            itemView.put("domainAscii", item.domain() == null ? "" : item.domain().ascii());
            itemView.put("tld", item.domain() == null ? "" : item.domain().tld().unicode());
            itemView.put("product", item.productId() == null ? "" : item.productId());
            itemView.put("productName", productName(addons, item.productId()));
            itemView.put("years", item.periodMonths() / 12);
            itemView.put("months", item.periodMonths());
            itemView.put("isDomain", item.kind() != ItemKind.ADDON);
            itemView.put("holder", item.holderContactId() == null ? "" : item.holderContactId());
            itemView.put("nameservers", item.nameservers());
            itemView.put("launchPhase", priced.launchPhase() == null ? "" : priced.launchPhase());
            itemView.put("priced", priced.price() != null);
            itemView.put("price", money(priced.price(), locale));
            itemView.put("hasDiscount", priced.discount() != null && priced.discount().isPositive());
            itemView.put("discount", money(priced.discount(), locale));
            itemView.put("due", money(priced.amountDue(), locale));
            items.add(itemView);
        }
        view.put("items", items);
        view.put("empty", cart.isEmpty());
        view.put("currency", cart.currency().getCurrencyCode());
        view.put("subtotal", money(cart.subtotal(), locale));
        view.put("voucher", cart.voucherCode() == null ? "" : cart.voucherCode());
        view.put("hasDiscount", cart.discount().isPositive());
        view.put("discount", money(cart.discount(), locale));
        view.put("total", money(cart.total(), locale));
        view.put("voucherProblem", cart.voucherProblem() == null ? Map.of() : error(cart.voucherProblem()));
        return view;
    }
}
