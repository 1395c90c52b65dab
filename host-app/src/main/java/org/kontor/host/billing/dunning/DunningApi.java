package org.kontor.host.billing.dunning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.money.Money;
import org.kontor.api.web.Access;
import org.kontor.host.billing.profile.BillingProfile;
import org.kontor.host.billing.profile.BillingProfiles;
import org.kontor.host.web.ProblemException;
import org.kontor.host.web.RequestBodies;

/**
 * Dunning for the operator: start a run (or a dry run that only shows what a run would do), follow it, and exclude a
 * customer from reminders.
 */
public final class DunningApi {

    private static final String RUNS = "/api/v1/admin/dunning/runs";

    private final DunningRuns runs;
    private final BillingProfiles profiles;
    private final ObjectMapper json = new ObjectMapper();

    public DunningApi(DunningRuns runs, BillingProfiles profiles) {
        this.runs = runs;
        this.profiles = profiles;
    }

    public void register(RoutesConfig routes) {
        routes.post(RUNS, this::start, Access.ADMIN);
        routes.get(RUNS + "/{id}", ctx -> ctx.json(view(runs.find(ctx.pathParam("id")).orElseThrow(() ->
                ProblemException.notFound("There is no dunning run " + ctx.pathParam("id") + ".")))), Access.ADMIN);
        routes.put("/api/v1/admin/customers/{id}/dunning", this::exclude, Access.ADMIN);
    }

    private void start(Context ctx) {
        String dryRun = ctx.queryParam("dryRun");
        if (!"true".equals(dryRun) && !"false".equals(dryRun)) {
            throw ProblemException.validation("Say whether this is a dry run.",
                    Map.of("dryRun", "Give dryRun=true for a preview or dryRun=false to send."));
        }
        String id = runs.start(Boolean.parseBoolean(dryRun));
        ctx.status(202).header("Location", RUNS + "/" + id)
                .json(Map.of("id", id, "dryRun", Boolean.parseBoolean(dryRun), "state", RunState.RUNNING.name()));
    }

    private void exclude(Context ctx) {
        String customerId = ctx.pathParam("id");
        JsonNode excluded = body(ctx).get("excluded");
        if (excluded == null || !excluded.isBoolean()) {
            throw ProblemException.validation("excluded is true or false.", Map.of("excluded", "Give true or false."));
        }
        if (profiles.buyer(customerId).isEmpty()) {
            throw ProblemException.notFound("There is no customer " + customerId + ".");
        }
        BillingProfile profile = profiles.of(customerId);
        profiles.save(new BillingProfile(profile.customerId(), profile.street(), profile.postalCode(), profile.city(),
                profile.vatId(), profile.registrationNumber(), profile.invoiceEmail(), profile.delivery(),
                profile.invoicingExcluded(), excluded.booleanValue()));
        ctx.json(Map.of("customerId", customerId, "excluded", excluded.booleanValue()));
    }

    private JsonNode body(Context ctx) {
        return RequestBodies.objectOrEmpty(json, ctx);
    }

    static Map<String, Object> view(DunningRunView run) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", run.id());
        view.put("dryRun", run.dryRun());
        view.put("state", run.state().name());
        view.put("asOf", run.asOf().toString());
        view.put("total", run.total());
        view.put("lookedAt", run.lookedAt());
        view.put("mailsQueued", run.mailsQueued());
        view.put("error", run.error());
        view.put("startedAt", run.startedAt().toString());
        view.put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
        List<Map<String, Object>> invoices = run.invoices().stream().map(result -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("invoiceId", result.invoiceId());
            item.put("invoiceNumber", result.invoiceNumber());
            item.put("customerId", result.customerId());
            item.put("outcome", result.outcome().name());
            item.put("level", result.level() == null ? null : result.level().name());
            item.put("outstanding", money(result.outstanding()));
            item.put("fee", money(result.fee()));
            item.put("interest", money(result.interest()));
            return item;
        }).toList();
        view.put("invoices", invoices);
        return view;
    }

    private static Map<String, String> money(Money money) {
        return Map.of("amount", money.amount().toPlainString(), "currency", money.currencyCode());
    }
}
