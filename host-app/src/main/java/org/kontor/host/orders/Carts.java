package org.kontor.host.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.InvalidDomainNameException;
import org.kontor.api.domain.Period;
import org.kontor.api.money.Money;
import org.kontor.host.addons.AddonCatalog;
import org.kontor.host.addons.AddonProduct;
import org.kontor.host.catalog.CatalogOperation;
import org.kontor.host.catalog.CatalogRules;
import org.kontor.host.catalog.CatalogStore;
import org.kontor.host.catalog.LaunchPhase;
import org.kontor.host.catalog.Phase;
import org.kontor.host.catalog.TldEntry;
import org.kontor.host.catalog.Violation;
import org.kontor.host.secrets.SecretBox;

/**
 * The shopping cart (ORD-5): what goes in is checked at once — the name, the catalog's rules for its TLD, the
 * registry's answer (available, or the transfer's auth code right), a sunrise order's signed mark — so that
 * the checkout seldom has to refuse anything. Every refusal names its field and leaves the cart as it was.
 */
public final class Carts {

    /** The most items a cart holds. */
    static final int MAX_ITEMS = 50;
    static final int MAX_NAMESERVERS = 13;

    private final CartStore store;
    private final CatalogStore catalog;
    private final CatalogRules rules;
    private final OrderPricing pricing;
    private final AddonCatalog addons;
    private final DomainChecks checks;
    private final SignedMarks signedMarks;
    private final OrderVouchers vouchers;
    private final HolderDirectory holders;
    private final SecretBox secrets;
    private final OwnedDomains owned;
    private final Clock clock;

    public Carts(OrderStore orders, CatalogStore catalog, CatalogRules rules, AddonCatalog addons, DomainChecks checks,
                 SignedMarks signedMarks, OrderVouchers vouchers, HolderDirectory holders, SecretBox secrets,
                 Clock clock) {
        this(orders, catalog, rules, addons, checks, signedMarks, vouchers, holders, secrets, OwnedDomains.NONE, clock);
    }

    /** @param owned the domains customers hold already, which add-ons may be booked for beside the cart's */
    public Carts(OrderStore orders, CatalogStore catalog, CatalogRules rules, AddonCatalog addons, DomainChecks checks,
                 SignedMarks signedMarks, OrderVouchers vouchers, HolderDirectory holders, SecretBox secrets,
                 OwnedDomains owned, Clock clock) {
        this.store = new CartStore(orders.jdbi(), clock);
        this.catalog = catalog;
        this.rules = rules;
        this.pricing = new OrderPricing(catalog.prices(), addons);
        this.addons = addons;
        this.checks = checks;
        this.signedMarks = signedMarks;
        this.vouchers = vouchers;
        this.holders = holders;
        this.secrets = secrets;
        this.owned = owned;
        this.clock = clock;
    }

    CartStore store() {
        return store;
    }

    OrderPricing pricing() {
        return pricing;
    }

    /** The cart with today's prices; an empty one when the owner has none. */
    public CartView view(CartOwner owner, Currency currency) {
        Optional<CartStore.CartRow> row = store.find(owner);
        if (row.isEmpty()) {
            Money zero = Money.zero(currency);
            return new CartView(null, currency, List.of(), zero, null, zero, zero, null);
        }
        return view(row.get(), store.items(row.get().id()));
    }

    /** How many items the owner's cart holds; 0 when there is none. */
    public int itemCount(CartOwner owner) {
        return store.find(owner).map(row -> store.items(row.id()).size()).orElse(0);
    }

    /** A registration or a transfer: {@code domain} as typed (Unicode or ACE), the period in years. */
    public CartView addDomain(CartOwner owner, Currency currency, AddDomain request) {
        Objects.requireNonNull(request.kind(), "kind");
        DomainName name = parse("domain", request.domain());
        Instant now = clock.instant();
        CartStore.CartRow cart = store.jdbi().inTransaction(h -> store.open(h, owner, currency));
        List<CartItem> items = store.items(cart.id());
        if (items.size() >= MAX_ITEMS) {
            throw new OrderInputException(InputError.of("domain", "cart-full",
                    "A cart holds at most " + MAX_ITEMS + " items.", String.valueOf(MAX_ITEMS)));
        }
        if (items.stream().anyMatch(item -> item.kind().isDomain() && name.equals(item.domain()))) {
            throw new OrderInputException(InputError.of("domain", "already-in-cart",
                    name.unicode() + " is in the cart already.", name.unicode()));
        }
        int years = request.years() == null ? 1 : request.years();
        Period period = Period.years(Math.max(1, Math.min(years, 10)));
        if (years < 1 || years > 10) {
            throw new OrderInputException(InputError.of("years", "period-not-allowed",
                    "A period is 1 to 10 years.", String.valueOf(years)));
        }
        CatalogOperation operation = request.kind() == ItemKind.TRANSFER ? CatalogOperation.TRANSFER
                : CatalogOperation.REGISTER;
        Optional<Phase> phase = request.kind() == ItemKind.REGISTER ? rules.currentPhase(name.tld(), now) : Optional.empty();
        boolean sunrise = phase.filter(p -> p == Phase.SUNRISE).isPresent();
        List<InputError> errors = new ArrayList<>();
        for (Violation violation : rules.check(name, operation, period, null, null, now, sunrise && hasText(request.signedMark()))) {
            errors.add(fromViolation(violation.code().equals("sunrise-needs-smd") ? "signedMark" : "domain", violation));
        }
        if (!errors.isEmpty()) {
            if (sunrise && hasText(request.signedMark())) {
                // Every refusal at once: the customer need not fix the name to learn that the file is refused too.
                try {
                    signedMarks.check("signedMark", request.signedMark(), name.secondLevelLabel(), now);
                } catch (OrderInputException refused) {
                    errors.addAll(refused.errors());
                }
            }
            throw new OrderInputException(errors);
        }
        if (pricing.price(new CartItem("x", 0, request.kind(), name, null, period.inMonths(), null, null, null, null, now),
                cart.currency()).isEmpty()) {
            throw new OrderInputException(InputError.of("domain", "no-price", "." + name.tld().unicode()
                    + " has no " + operation.jsonName() + " price in " + cart.currency() + ".", name.tld().unicode(),
                    cart.currency().getCurrencyCode()));
        }
        String signedMark = null;
        String sealedAuthCode = null;
        if (request.kind() == ItemKind.TRANSFER) {
            String authCode = request.authCode() == null ? "" : request.authCode().strip();
            if (authCode.isEmpty()) {
                throw new OrderInputException(InputError.of("authCode", "auth-code-required",
                        "A transfer needs the domain's auth code from its current registrar."));
            }
            if (authCode.length() > 255) {
                throw new OrderInputException(InputError.of("authCode", "auth-code-wrong",
                        "The auth code is not right for " + name.unicode() + ".", name.unicode()));
            }
            DomainChecks.TransferCheck check = checks.transfer(name, authCode);
            switch (check.answer()) {
                case ACCEPTED -> sealedAuthCode = secrets.seal(authCode);
                case WRONG_AUTH_CODE -> throw new OrderInputException(InputError.of("authCode", "auth-code-wrong",
                        "The auth code is not right for " + name.unicode() + ".", name.unicode()));
                case NOT_TRANSFERABLE -> throw new OrderInputException(InputError.of("domain", "not-transferable",
                        name.unicode() + " cannot be transferred now" + (check.reason() == null ? "." : ": " + check.reason()),
                        name.unicode()));
                case UNKNOWN -> throw new OrderInputException(InputError.of("domain", "registry-unavailable",
                        "The registry of ." + name.tld().unicode() + " did not answer; please try again in a moment.",
                        name.tld().unicode()));
            }
        } else {
            if (sunrise) {
                if (!hasText(request.signedMark())) {
                    throw new OrderInputException(InputError.of("signedMark", "sunrise-needs-smd",
                            "." + name.tld().unicode() + " is in its sunrise phase: a registration needs a signed mark "
                                    + "data (SMD) file.", name.tld().unicode()));
                }
                signedMark = signedMarks.check("signedMark", request.signedMark(), name.secondLevelLabel(), now);
            }
            boolean preRegistration = phase.filter(p -> p == Phase.PRE_REGISTRATION).isPresent();
            if (!preRegistration) {
                switch (checks.availability(name)) {
                    case AVAILABLE -> { }
                    case TAKEN -> throw new OrderInputException(InputError.of("domain", "domain-taken",
                            name.unicode() + " is taken; if it is yours, transfer it with its auth code.", name.unicode()));
                    case UNKNOWN -> throw new OrderInputException(InputError.of("domain", "registry-unavailable",
                            "The registry of ." + name.tld().unicode() + " did not answer; please try again in a moment.",
                            name.tld().unicode()));
                }
            }
        }
        CartItem item = new CartItem(UUID.randomUUID().toString(), 0, request.kind(), name, null, period.inMonths(),
                null, List.of(), sealedAuthCode, signedMark, now);
        store.jdbi().useTransaction(h -> store.add(h, cart.id(), item));
        return view(owner, currency);
    }

    /**
     * Whether a per-domain add-on may go with {@code domain}: a domain ordered in the same cart, or one the customer
     * holds already (CC-4: add-ons booked later from the customer center).
     *
     * @param customerId the cart's customer, or null for a visitor's cart
     */
    boolean addonDomainAllowed(String customerId, DomainName domain, List<CartItem> items) {
        return items.stream().anyMatch(item -> item.kind().isDomain() && domain.equals(item.domain()))
                || (customerId != null && owned.holds(customerId, domain));
    }

    /**
     * An add-on product, for one of the cart's domains or one the customer holds when the product is booked per
     * domain.
     */
    public CartView addAddon(CartOwner owner, Currency currency, String productId, String domain) {
        AddonProduct product = addons.find(productId == null ? "" : productId.strip()).filter(AddonProduct::enabled)
                .orElseThrow(() -> new OrderInputException(InputError.of("product", "unknown-product",
                        "There is no add-on product '" + productId + "'.", String.valueOf(productId))));
        CartStore.CartRow cart = store.jdbi().inTransaction(h -> store.open(h, owner, currency));
        var price = addons.price(product.id(), cart.currency()).orElseThrow(() -> new OrderInputException(
                InputError.of("product", "no-price", product.name() + " has no price in " + cart.currency() + ".",
                        product.name(), cart.currency().getCurrencyCode())));
        List<CartItem> items = store.items(cart.id());
        DomainName forDomain = null;
        if (product.perDomain()) {
            if (!hasText(domain)) {
                throw new OrderInputException(InputError.of("domain", "addon-needs-domain",
                        product.name() + " is booked for a domain of the order.", product.name()));
            }
            forDomain = parse("domain", domain);
            DomainName wanted = forDomain;
            if (!addonDomainAllowed(owner.isCustomer() ? owner.customerId() : null, wanted, items)) {
                throw new OrderInputException(InputError.of("domain", "addon-domain-not-in-cart",
                        wanted.unicode() + " is neither in the cart nor one of your domains.", wanted.unicode()));
            }
        }
        DomainName target = forDomain;
        if (items.stream().anyMatch(item -> product.id().equals(item.productId())
                && Objects.equals(item.domain(), target))) {
            throw new OrderInputException(InputError.of("product", "already-in-cart",
                    product.name() + " is in the cart already.", product.name()));
        }
        if (items.size() >= MAX_ITEMS) {
            throw new OrderInputException(InputError.of("product", "cart-full",
                    "A cart holds at most " + MAX_ITEMS + " items.", String.valueOf(MAX_ITEMS)));
        }
        CartItem item = new CartItem(UUID.randomUUID().toString(), 0, ItemKind.ADDON, forDomain, product.id(),
                price.periodMonths(), null, List.of(), null, null, clock.instant());
        store.jdbi().useTransaction(h -> store.add(h, cart.id(), item));
        return view(owner, currency);
    }

    /**
     * Changes a domain item's holder, nameservers or period; null leaves a value as it is.
     *
     * @param customerId the signed-in customer choosing a holder of theirs, or null for a visitor (who cannot yet)
     */
    public CartView updateItem(CartOwner owner, String customerId, String itemId, ItemChange change) {
        CartStore.CartRow cart = store.find(owner).orElseThrow(() -> unknownItem(itemId));
        CartItem item = store.items(cart.id()).stream().filter(i -> i.id().equals(itemId)).findFirst()
                .orElseThrow(() -> unknownItem(itemId));
        List<InputError> errors = new ArrayList<>();
        CartItem changed = item;
        if (change.holderContactId() != null) {
            if (!item.kind().isDomain()) {
                errors.add(InputError.of("holder", "holder-not-applicable", "Only a domain has a holder."));
            } else if (customerId == null) {
                errors.add(InputError.of("holder", "sign-in-required", "Sign in to choose a holder."));
            } else {
                Optional<HolderDirectory.Holder> holder = holders.holder(customerId, change.holderContactId());
                if (holder.isEmpty()) {
                    errors.add(InputError.of("holder", "unknown-holder", "There is no such holder contact.",
                            change.holderContactId()));
                } else {
                    for (Violation violation : holderViolations(item, holder.get())) {
                        errors.add(fromViolation("holder", violation));
                    }
                    changed = changed.withHolder(holder.get().id());
                }
            }
        }
        if (change.nameservers() != null) {
            List<String> hosts = new ArrayList<>();
            for (String text : change.nameservers()) {
                if (!hasText(text)) {
                    continue;
                }
                try {
                    String host = DomainName.of(text.strip()).ascii();
                    if (hosts.contains(host)) {
                        errors.add(InputError.of("nameservers", "nameserver-duplicate",
                                host + " is listed twice.", host));
                    }
                    hosts.add(host);
                } catch (InvalidDomainNameException e) {
                    errors.add(InputError.of("nameservers", "nameserver-invalid", "'" + text.strip()
                            + "' is not a host name.", text.strip()));
                }
            }
            if (hosts.size() == 1 || hosts.size() > MAX_NAMESERVERS) {
                errors.add(InputError.of("nameservers", "nameserver-count",
                        "Give 2 to " + MAX_NAMESERVERS + " nameservers, or none for ours.",
                        String.valueOf(MAX_NAMESERVERS)));
            }
            changed = changed.withNameservers(hosts);
        }
        if (change.years() != null) {
            int years = change.years();
            if (item.kind() == ItemKind.ADDON) {
                errors.add(InputError.of("years", "period-not-applicable", "An add-on runs for its product's period."));
            } else {
                CatalogOperation operation = item.kind() == ItemKind.TRANSFER ? CatalogOperation.TRANSFER
                        : CatalogOperation.REGISTER;
                if (years < 1 || years > 10) {
                    errors.add(InputError.of("years", "period-not-allowed", "A period is 1 to 10 years.",
                            String.valueOf(years)));
                } else {
                    rules.check(item.domain(), operation, Period.years(years), null, null, clock.instant(), true)
                            .stream().filter(v -> v.code().equals("period-not-allowed"))
                            .forEach(v -> errors.add(fromViolation("years", v)));
                    changed = changed.withPeriodMonths(years * 12);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new OrderInputException(errors);
        }
        CartItem result = changed;
        store.jdbi().useTransaction(h -> store.update(h, cart.id(), result));
        return view(owner, cart.currency());
    }

    public CartView removeItem(CartOwner owner, String itemId) {
        CartStore.CartRow cart = store.find(owner).orElseThrow(() -> unknownItem(itemId));
        List<CartItem> items = store.items(cart.id());
        CartItem item = items.stream().filter(i -> i.id().equals(itemId)).findFirst().orElseThrow(() -> unknownItem(itemId));
        store.jdbi().useTransaction(h -> {
            store.remove(h, cart.id(), itemId);
            // Add-ons booked for the removed domain go with it.
            if (item.kind().isDomain()) {
                for (CartItem other : items) {
                    if (other.kind() == ItemKind.ADDON && item.domain().equals(other.domain())) {
                        store.remove(h, cart.id(), other.id());
                    }
                }
            }
        });
        return view(owner, cart.currency());
    }

    /** Remembers a voucher code for the cart once it gives a discount on it now. */
    public CartView applyVoucher(CartOwner owner, Currency currency, String code) {
        if (!hasText(code)) {
            throw new OrderInputException(InputError.of("voucher", "voucher-required", "Enter a voucher code."));
        }
        CartStore.CartRow cart = store.jdbi().inTransaction(h -> store.open(h, owner, currency));
        String customerId = owner.isCustomer() ? owner.customerId() : null;
        List<CartView.PricedItem> priced = priced(cart, store.items(cart.id()));
        OrderVouchers.Discount discount = vouchers.quote(code.strip(), customerId, voucherLines(priced), clock.instant());
        store.jdbi().useTransaction(h -> store.setVoucher(h, cart.id(), discount.code()));
        return view(owner, currency);
    }

    public CartView removeVoucher(CartOwner owner, Currency currency) {
        store.find(owner).ifPresent(cart -> store.jdbi().useTransaction(h -> store.setVoucher(h, cart.id(), null)));
        return view(owner, currency);
    }

    /** At sign-in: the visitor's items join the customer's cart, which is created when there is none. */
    public void carryOver(CartOwner visitor, CartOwner customer) {
        Optional<CartStore.CartRow> from = store.find(visitor);
        if (from.isEmpty()) {
            return;
        }
        store.jdbi().useTransaction(h -> {
            CartStore.CartRow to = store.open(h, customer, from.get().currency());
            store.moveItems(h, from.get().id(), to.id());
            if (to.voucherCode() == null && from.get().voucherCode() != null) {
                store.setVoucher(h, to.id(), from.get().voucherCode());
            }
        });
    }

    /** The catalog rules a holder breaks for the item's domain (required fields, residence). */
    List<Violation> holderViolations(CartItem item, HolderDirectory.Holder holder) {
        CatalogOperation operation = item.kind() == ItemKind.TRANSFER ? CatalogOperation.TRANSFER : CatalogOperation.REGISTER;
        return rules.check(item.domain(), operation, period(item.periodMonths()), holder.type(),
                        holder.fields(), clock.instant(), true).stream()
                .filter(v -> v.code().startsWith("field-required") || v.code().equals("residence-not-allowed"))
                .toList();
    }

    CartView view(CartStore.CartRow cart, List<CartItem> items) {
        List<CartView.PricedItem> priced = priced(cart, items);
        Money subtotal = priced.stream().map(CartView.PricedItem::price).filter(Objects::nonNull)
                .reduce(Money.zero(cart.currency()), Money::plus);
        OrderVouchers.Discount discount = null;
        InputError voucherProblem = null;
        if (cart.voucherCode() != null) {
            try {
                discount = vouchers.quote(cart.voucherCode(), cart.owner().isCustomer() ? cart.owner().customerId() : null,
                        voucherLines(priced), clock.instant());
            } catch (OrderInputException e) {
                voucherProblem = e.errors().get(0);
            }
        }
        List<CartView.PricedItem> withDiscounts = new ArrayList<>();
        for (CartView.PricedItem item : priced) {
            Money lineDiscount = discount == null || item.price() == null ? Money.zero(cart.currency())
                    : discount.of(item.item().id());
            withDiscounts.add(new CartView.PricedItem(item.item(), item.description(), item.price(), lineDiscount,
                    item.launchPhase()));
        }
        Money totalDiscount = discount == null ? Money.zero(cart.currency()) : discount.total();
        return new CartView(cart.id(), cart.currency(), withDiscounts, subtotal, cart.voucherCode(), totalDiscount,
                subtotal.minus(totalDiscount), voucherProblem);
    }

    List<CartView.PricedItem> priced(CartStore.CartRow cart, List<CartItem> items) {
        Instant now = clock.instant();
        List<CartView.PricedItem> priced = new ArrayList<>();
        for (CartItem item : items) {
            Money price = pricing.price(item, cart.currency()).orElse(null);
            String phase = null;
            if (item.kind() == ItemKind.REGISTER) {
                phase = rules.currentPhase(item.domain().tld(), now).filter(p -> p != Phase.GENERAL_AVAILABILITY)
                        .map(p -> p.name().toLowerCase(Locale.ROOT).replace('_', '-')).orElse(null);
            }
            priced.add(new CartView.PricedItem(item, describe(item), price, Money.zero(cart.currency()), phase));
        }
        return priced;
    }

    List<OrderVouchers.Line> voucherLines(List<CartView.PricedItem> items) {
        return items.stream().filter(item -> item.price() != null)
                .map(item -> new OrderVouchers.Line(item.item().id(),
                        item.item().domain() == null ? null : item.item().domain().tld().ascii(),
                        pricing.chargeKind(item.item()), item.price()))
                .toList();
    }

    String describe(CartItem item) {
        String years = item.periodMonths() % 12 == 0 ? item.periodMonths() / 12 + (item.periodMonths() == 12 ? " year" : " years")
                : item.periodMonths() + " months";
        return switch (item.kind()) {
            case REGISTER -> "Registration of " + item.domain().unicode() + ", " + years;
            case TRANSFER -> "Transfer of " + item.domain().unicode() + ", " + years;
            case ADDON -> addons.find(item.productId()).map(AddonProduct::name).orElse(item.productId())
                    + (item.domain() == null ? "" : " for " + item.domain().unicode()) + ", " + years;
        };
    }

    /** When general availability starts for the TLD, or null when it has no such phase. */
    Instant generalAvailability(TldEntry entry) {
        return entry.phases().stream().filter(p -> p.phase() == Phase.GENERAL_AVAILABILITY)
                .map(LaunchPhase::startsAt).findFirst().orElse(null);
    }

    Optional<TldEntry> entry(DomainName name) {
        return catalog.find(name.tld());
    }

    static InputError fromViolation(String field, Violation violation) {
        String code = violation.code();
        int colon = code.indexOf(':');
        if (colon > 0) {
            return InputError.of(field, code.substring(0, colon), violation.message(), code.substring(colon + 1));
        }
        return InputError.of(field, code, violation.message());
    }

    private static DomainName parse(String field, String text) {
        if (!hasText(text)) {
            throw new OrderInputException(InputError.of(field, "domain-required", "Enter a domain name."));
        }
        try {
            return DomainName.of(text.strip());
        } catch (InvalidDomainNameException e) {
            // The second argument names the rule broken (hyphen-3-4, leading-hyphen, label-too-long, ...).
            throw new OrderInputException(InputError.of(field, "domain-invalid", "'" + text.strip()
                    + "' is not a domain name: " + e.getMessage(), text.strip(),
                    e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        }
    }

    private static OrderInputException unknownItem(String itemId) {
        return new OrderInputException(InputError.of("item", "unknown-item", "The cart has no item " + itemId + ".",
                String.valueOf(itemId)));
    }

    static Period period(int months) {
        return months % 12 == 0 ? Period.years(months / 12) : Period.months(months);
    }

    static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }

    /** A domain item to add: the period in whole years (null: 1), the auth code of a transfer, the SMD of a sunrise order. */
    public record AddDomain(ItemKind kind, String domain, Integer years, String authCode, String signedMark) {
    }

    /** A change of an item; null fields stay as they are. */
    public record ItemChange(String holderContactId, List<String> nameservers, Integer years) {
    }
}
