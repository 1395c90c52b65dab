package org.kontor.host.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.InvalidDomainNameException;
import org.kontor.api.portfolio.PortfolioDomain.State;
import org.kontor.api.registry.DomainInfo;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.web.Access;
import org.kontor.host.domains.DomainRecord;
import org.kontor.host.domains.DomainStore;
import org.kontor.host.provisioning.DomainOperation;
import org.kontor.host.provisioning.DomainOperationStore;
import org.kontor.host.provisioning.ProvisioningTargets;
import org.kontor.host.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Domains in the admin (ADM-3): a list to search by name or customer and filter by state and registry, a page per
 * domain with its record and operations, and a sync that asks the registry for the domain's statuses and expiry now.
 */
public final class DomainAdminPages {

    private static final Logger LOG = LoggerFactory.getLogger(DomainAdminPages.class);
    static final int PAGE_SIZE = 50;

    private final DomainStore domains;
    private final DomainOperationStore operations;
    private final ProvisioningTargets targets;
    private final AdminView view;

    public DomainAdminPages(DomainStore domains, DomainOperationStore operations, ProvisioningTargets targets,
                            AdminView view) {
        this.domains = domains;
        this.operations = operations;
        this.targets = targets;
        this.view = view;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/domains", this::list, Access.ADMIN);
        routes.get("/admin/domains/{name}", this::show, Access.ADMIN);
        routes.post("/admin/domains/{name}/sync", this::sync, Access.ADMIN);
    }

    private void list(Context ctx) {
        String query = param(ctx, "q").strip();
        Optional<State> state = Arrays.stream(State.values()).filter(s -> s.name().equals(param(ctx, "state"))).findFirst();
        List<String> registries = domains.registryIds();
        Optional<String> registry = Optional.of(param(ctx, "registry")).filter(registries::contains);
        int pageNo = 1;
        try {
            pageNo = Math.max(1, Integer.parseInt(param(ctx, "page")));
        } catch (NumberFormatException e) {
            // the first page
        }
        DomainStore.Page found = domains.search(query, state, registry, (pageNo - 1) * PAGE_SIZE, PAGE_SIZE);
        int pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        String filter = "q=" + encode(query) + "&state=" + state.map(Enum::name).orElse("") + "&registry="
                + encode(registry.orElse(""));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("q", query);
        page.put("state", state.map(Enum::name).orElse(""));
        page.put("states", Arrays.stream(State.values()).map(Enum::name).toList());
        page.put("registry", registry.orElse(""));
        page.put("registries", registries);
        page.put("domains", found.domains().stream().map(DomainAdminPages::row).toList());
        page.put("total", found.total());
        page.put("pageNo", pageNo);
        page.put("pages", pages);
        page.put("previous", pageNo > 1 ? "/admin/domains?" + filter + "&page=" + (pageNo - 1) : "");
        page.put("next", pageNo < pages ? "/admin/domains?" + filter + "&page=" + (pageNo + 1) : "");
        view.render(ctx, "domains.ftlh", page);
    }

    private void show(Context ctx) {
        DomainRecord domain = domain(ctx);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("domain", row(domain));
        page.put("operations", operations.on(domain.name()).stream().map(operation -> operationRow(ctx, operation)).toList());
        page.put("done", param(ctx, "done"));
        page.put("error", param(ctx, "error"));
        view.render(ctx, "domain.ftlh", page);
    }

    /** Asks the registry, outside any transaction, and records what it said; a registry that fails changes nothing. */
    private void sync(Context ctx) {
        DomainRecord domain = domain(ctx);
        String back = "/admin/domains/" + encode(domain.name().ascii());
        Optional<DomainRegistry> registry = targets.registry(domain.registryId());
        if (registry.isEmpty()) {
            ctx.redirect(back + "?error=no-registry", HttpStatus.SEE_OTHER);
            return;
        }
        Optional<DomainInfo> info;
        try {
            info = registry.get().info(domain.name());
        } catch (RuntimeException e) {
            LOG.warn("Registry {} could not give info on {} for a sync by hand", domain.registryId(), domain.name(), e);
            ctx.redirect(back + "?error=registry-failed", HttpStatus.SEE_OTHER);
            return;
        }
        if (info.isEmpty()) {
            ctx.redirect(back + "?error=not-at-registry", HttpStatus.SEE_OTHER);
            return;
        }
        domains.synced(domain.name(), info.get().statuses(), info.get().expiresAt());
        ctx.redirect(back + "?done=synced", HttpStatus.SEE_OTHER);
    }

    private DomainRecord domain(Context ctx) {
        String name = ctx.pathParam("name");
        try {
            return domains.find(DomainName.of(name))
                    .orElseThrow(() -> ProblemException.notFound("There is no domain '" + name + "'."));
        } catch (InvalidDomainNameException e) {
            throw ProblemException.notFound("There is no domain '" + name + "'.");
        }
    }

    private static Map<String, Object> row(DomainRecord domain) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", domain.name().ascii());
        row.put("unicode", domain.name().unicode());
        row.put("customerId", domain.customerId());
        row.put("registry", domain.registryId());
        row.put("state", domain.state().name());
        row.put("statuses", String.join(" ", new TreeSet<>(domain.statuses())));
        row.put("expires", day(domain.expiresAt()));
        row.put("created", day(domain.createdAt()));
        row.put("autoRenew", domain.autoRenew());
        row.put("terminated", day(domain.terminatedAt()));
        row.put("restoreUntil", day(domain.restoreUntil()));
        row.put("reference", domain.registryReference() == null ? "" : domain.registryReference());
        row.put("synced", minute(domain.lastSyncedAt()));
        return row;
    }

    private Map<String, Object> operationRow(Context ctx, DomainOperation operation) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", operation.key().value());
        row.put("kind", operation.kind().name());
        row.put("period", operation.period() == null ? "" : operation.period());
        row.put("amount", view.money(ctx, operation.amount()));
        row.put("state", operation.state().name());
        row.put("outcome", operation.outcomeStatus() == null ? "" : operation.outcomeStatus().name());
        row.put("code", operation.outcomeCode() == null ? "" : operation.outcomeCode());
        row.put("message", operation.outcomeMessage() == null ? "" : operation.outcomeMessage());
        row.put("created", minute(operation.createdAt()));
        return row;
    }

    private static String day(Instant instant) {
        return instant == null ? "" : instant.toString().substring(0, 10);
    }

    private static String minute(Instant instant) {
        return instant == null ? "" : instant.toString().substring(0, 16).replace('T', ' ');
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
