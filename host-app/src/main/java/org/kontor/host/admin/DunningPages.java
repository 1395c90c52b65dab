package org.kontor.host.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.kontor.api.money.Money;
import org.kontor.api.web.Access;
import org.kontor.host.billing.dunning.DunningRunView;
import org.kontor.host.billing.dunning.DunningRuns;
import org.kontor.host.billing.dunning.InvoiceResult;
import org.kontor.host.billing.dunning.Outcome;

/**
 * Dunning runs in the admin (ADM-8): the newest runs with what they sent and charged, one run's letters and fees per
 * invoice, and starting a run or a dry run (a preview that sends and records nothing) on the same
 * {@link DunningRuns} as {@code /api/v1/admin/dunning/runs}.
 */
public final class DunningPages {

    static final int RUNS_SHOWN = 20;

    private final DunningRuns runs;
    private final AdminView view;

    public DunningPages(DunningRuns runs, AdminView view) {
        this.runs = runs;
        this.view = view;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/dunning", this::list, Access.ADMIN);
        routes.post("/admin/dunning/runs", this::start, Access.ADMIN);
    }

    private void list(Context ctx) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("runs", runs.recent(RUNS_SHOWN).stream().map(run -> summary(ctx, run)).toList());
        String id = ctx.queryParam("run");
        Optional<DunningRunView> shown = id == null || id.isBlank() ? Optional.empty() : runs.find(id);
        page.put("run", shown.map(run -> detail(ctx, run)).orElse(Map.of()));
        page.put("unknownRun", id != null && !id.isBlank() && shown.isEmpty());
        page.put("done", "started".equals(ctx.queryParam("done")) ? "started" : "");
        page.put("error", "dry-run".equals(ctx.queryParam("error")) ? "dry-run" : "");
        view.render(ctx, "dunning.ftlh", page);
    }

    private void start(Context ctx) {
        String dryRun = ctx.formParam("dryRun");
        if (!"true".equals(dryRun) && !"false".equals(dryRun)) {
            ctx.redirect("/admin/dunning?error=dry-run", HttpStatus.SEE_OTHER);
            return;
        }
        String id = runs.start(Boolean.parseBoolean(dryRun));
        ctx.redirect("/admin/dunning?done=started&run=" + id, HttpStatus.SEE_OTHER);
    }

    private Map<String, Object> summary(Context ctx, DunningRunView run) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", run.id());
        row.put("dryRun", run.dryRun());
        row.put("state", run.state().name());
        row.put("asOf", run.asOf().toString());
        row.put("startedAt", run.startedAt().toString().substring(0, 16).replace('T', ' '));
        row.put("total", run.total());
        row.put("lookedAt", run.lookedAt());
        row.put("mailsQueued", run.mailsQueued());
        row.put("error", run.error() == null ? "" : run.error());
        row.put("letters", run.invoices().stream().filter(result -> result.outcome() == Outcome.DUNNED).count());
        row.put("fees", sums(ctx, run.invoices(), true));
        row.put("interest", sums(ctx, run.invoices(), false));
        return row;
    }

    private Map<String, Object> detail(Context ctx, DunningRunView run) {
        Map<String, Object> detail = summary(ctx, run);
        detail.put("invoices", run.invoices().stream().map(result -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("invoiceId", result.invoiceId());
            item.put("invoiceNumber", result.invoiceNumber());
            item.put("customerId", result.customerId());
            item.put("outcome", result.outcome().name());
            item.put("level", result.level() == null ? "" : result.level().name());
            item.put("outstanding", view.money(ctx, result.outstanding()));
            item.put("fee", view.money(ctx, result.fee()));
            item.put("interest", view.money(ctx, result.interest()));
            return item;
        }).toList());
        return detail;
    }

    /** The fees (or interest) charged by a run, one amount per currency. */
    private List<String> sums(Context ctx, List<InvoiceResult> results, boolean fees) {
        Map<String, Money> sums = new TreeMap<>();
        for (InvoiceResult result : results) {
            Money amount = fees ? result.fee() : result.interest();
            if (amount.isPositive()) {
                sums.merge(amount.currencyCode(), amount, Money::plus);
            }
        }
        return sums.values().stream().map(money -> view.money(ctx, money)).toList();
    }
}
