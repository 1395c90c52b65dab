package org.kontor.host.domains;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kontor.api.domain.Tld;
import org.kontor.api.money.Money;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.RegistryBalance;
import org.kontor.api.registry.RegistryCapability;
import org.kontor.api.web.Access;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's view of the registries (EPP-3, EPP-4), for admins only:
 * <ul>
 *   <li>{@code GET /api/v1/registries}: each running registry with its id, plugin, TLDs and capabilities and,
 *   where it keeps a prepaid account, {@code balance}, {@code creditLimit}, {@code availableCredit},
 *   {@code lowBalanceThreshold} and {@code low} (asked of the registry on each request);</li>
 *   <li>{@code GET /api/v1/registries/messages}: the latest poll messages kept, with what applying them did.</li>
 * </ul>
 */
public final class RegistriesApi {

    private static final Logger LOG = LoggerFactory.getLogger(RegistriesApi.class);

    private final Extensions extensions;
    private final RegistryMessages messages;

    public RegistriesApi(Extensions extensions, RegistryMessages messages) {
        this.extensions = extensions;
        this.messages = messages;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/registries", this::list, Access.ADMIN);
        routes.get("/api/v1/registries/messages", ctx -> ctx.json(messages.latest(limit(ctx))), Access.ADMIN);
    }

    private void list(Context ctx) {
        List<Map<String, Object>> registries = new ArrayList<>();
        for (Contribution<DomainRegistry> contribution : extensions.of(DomainRegistry.class)) {
            registries.add(view(contribution.pluginId(), contribution.extension()));
        }
        ctx.json(registries);
    }

    static Map<String, Object> view(String pluginId, DomainRegistry registry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", registry.registryId());
        view.put("plugin", pluginId);
        view.put("tlds", registry.tlds().stream().map(Tld::ascii).sorted().toList());
        view.put("capabilities", registry.capabilities().stream().map(Enum::name).sorted().toList());
        if (registry.capabilities().contains(RegistryCapability.BALANCE)) {
            try {
                Optional<RegistryBalance> balance = registry.registryBalance();
                balance.ifPresent(b -> {
                    view.put("balance", money(b.balance()));
                    view.put("creditLimit", money(b.creditLimit()));
                    view.put("availableCredit", money(b.availableCredit()));
                    view.put("lowBalanceThreshold", b.lowBalanceThreshold() == null ? null : money(b.lowBalanceThreshold()));
                    view.put("low", b.isLow());
                });
            } catch (RuntimeException e) {
                LOG.warn("Registry {} could not tell its balance", registry.registryId(), e);
                view.put("balanceError", String.valueOf(e.getMessage()));
            }
        }
        return view;
    }

    private static Map<String, String> money(Money money) {
        return Map.of("amount", money.amount().toPlainString(), "currency", money.currencyCode());
    }

    private static int limit(Context ctx) {
        try {
            return Math.max(1, Math.min(500, Integer.parseInt(Optional.ofNullable(ctx.queryParam("limit")).orElse("100"))));
        } catch (NumberFormatException e) {
            return 100;
        }
    }
}
