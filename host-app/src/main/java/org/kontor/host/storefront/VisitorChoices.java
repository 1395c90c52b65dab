package org.kontor.host.storefront;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.kontor.api.web.Access;
import org.kontor.host.customers.Customer;
import org.kontor.host.i18n.LocaleResolver;
import org.kontor.host.security.WebSession;
import org.kontor.host.security.WebSessions;

/**
 * Works out a {@link Visitor} from the request. Currency: {@code ?currency=} (remembered in the cookie
 * {@value #CURRENCY_COOKIE}), else that cookie, else a signed-in customer's currency, else the default; only the
 * catalog's currencies count. Country (for VAT): {@code ?country=} (cookie {@value #COUNTRY_COOKIE}), else that cookie,
 * else a signed-in customer's country, else the country the page's language is mostly spoken in (da → DK, de → DE,
 * cs → CZ, sk → SK; none for English). Resellers and customers with a company see net prices.
 */
public final class VisitorChoices {

    public static final String CURRENCY_COOKIE = "kontor_currency";
    public static final String COUNTRY_COOKIE = "kontor_country";
    private static final int COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;
    private static final Map<String, String> LANGUAGE_COUNTRIES = Map.of("da", "DK", "de", "DE", "cs", "CZ", "sk", "SK");

    private final LocaleResolver locales;
    private final WebSessions sessions;
    private final Function<String, Optional<Customer>> customers;
    private final Supplier<Set<Currency>> currencies;
    private final Currency defaultCurrency;

    /**
     * @param currencies the catalog's currencies now
     */
    public VisitorChoices(LocaleResolver locales, WebSessions sessions, Function<String, Optional<Customer>> customers,
                          Supplier<Set<Currency>> currencies, Currency defaultCurrency) {
        this.locales = locales;
        this.sessions = sessions;
        this.customers = customers;
        this.currencies = currencies;
        this.defaultCurrency = defaultCurrency;
    }

    public Visitor of(Context ctx) {
        String language = locales.language(ctx).code();
        Optional<Customer> customer = ctx.cookie(WebSessions.COOKIE) == null ? Optional.empty()
                : sessions.current(ctx).filter(WebSession::signedIn).flatMap(session -> customers.apply(session.customerId()));
        Set<Currency> offered = currencies.get();

        Optional<Currency> asked = currency(ctx.queryParam("currency")).filter(offered::contains);
        asked.ifPresent(c -> remember(ctx, CURRENCY_COOKIE, c.getCurrencyCode()));
        Currency currency = asked
                .or(() -> currency(ctx.cookie(CURRENCY_COOKIE)).filter(offered::contains))
                .or(() -> customer.flatMap(c -> currency(c.currency())).filter(offered::contains))
                .orElse(offered.contains(defaultCurrency) || offered.isEmpty() ? defaultCurrency
                        : offered.stream().sorted(java.util.Comparator.comparing(Currency::getCurrencyCode)).findFirst().orElseThrow());

        Optional<String> askedCountry = country(ctx.queryParam("country"));
        askedCountry.ifPresent(c -> remember(ctx, COUNTRY_COOKIE, c));
        Optional<String> country = askedCountry
                .or(() -> country(ctx.cookie(COUNTRY_COOKIE)))
                .or(() -> customer.flatMap(c -> country(c.country())))
                .or(() -> Optional.ofNullable(LANGUAGE_COUNTRIES.get(language)));
        boolean business = customer.map(c -> c.role() == Access.RESELLER
                || (c.company() != null && !c.company().isBlank())).orElse(false);
        return new Visitor(language, currency, country, business, customer.isPresent());
    }

    private static Optional<Currency> currency(String code) {
        if (code == null || !code.strip().matches("[A-Za-z]{3}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(code.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> country(String code) {
        return code == null || !code.strip().matches("[A-Za-z]{2}") ? Optional.empty()
                : Optional.of(code.strip().toUpperCase(Locale.ROOT));
    }

    private static void remember(Context ctx, String name, String value) {
        ctx.cookie(new Cookie(name, value, "/", COOKIE_MAX_AGE_SECONDS, ctx.req().isSecure(), true, null, SameSite.LAX));
    }
}
