package org.kontor.api.event;

import java.util.List;
import java.util.Objects;
import org.kontor.api.money.Money;

/**
 * A customer checked out an order and it went on: its amount is held on a funding source, or it waits for its
 * payment through a gateway. Published once per order, with what e-commerce analytics needs. An order refused at
 * checkout (the funds do not cover it) publishes none.
 *
 * @param orderId         the order's id
 * @param customerId      the customer's id; never send it to a third party as it is
 * @param total           what the customer pays, VAT included
 * @param vat             the VAT in {@code total}
 * @param items           the order's lines
 * @param trackingAllowed whether the customer had agreed to analytics in the browser they checked out with; false
 *                        for orders placed through the JSON API
 * @since 1.6.0
 */
public record OrderCheckedOut(String orderId, String customerId, Money total, Money vat, List<Item> items,
                              boolean trackingAllowed) implements Event {

    public OrderCheckedOut {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(vat, "vat");
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * One line of the order.
     *
     * @param sku      what was bought: the product id, or for a domain its operation and TLD, e.g. {@code register.dk}
     * @param name     what the customer saw, e.g. {@code example.dk (1 year)}
     * @param category e.g. {@code domain-register}, {@code addon}
     * @param price    the line's net price after discounts
     * @param quantity how many (1 for every line Kontor has today)
     * @since 1.6.0
     */
    public record Item(String sku, String name, String category, Money price, int quantity) {

        public Item {
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(price, "price");
        }
    }
}
