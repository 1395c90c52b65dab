package org.kontor.plugins.prepaidaccount.web;

import org.kontor.api.web.RequestLanguage;
import static org.kontor.plugins.prepaidaccount.web.ResellerWeb.body;
import static org.kontor.plugins.prepaidaccount.web.ResellerWeb.text;

import io.javalin.http.Context;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.kontor.api.money.Money;
import org.kontor.api.web.Caller;
import org.kontor.plugins.prepaidaccount.i18n.MoneyFormat;
import org.kontor.plugins.prepaidaccount.ledger.Account;
import org.kontor.plugins.prepaidaccount.ledger.AccountState;
import org.kontor.plugins.prepaidaccount.ledger.Entry;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.plugins.prepaidaccount.ledger.LedgerException;
import org.kontor.plugins.prepaidaccount.ledger.Reconciliation;
import org.kontor.plugins.prepaidaccount.ledger.ReconciliationReport;
import org.kontor.plugins.prepaidaccount.ledger.Scheme;
import org.kontor.plugins.prepaidaccount.topup.TopUpState;
import org.kontor.plugins.prepaidaccount.topup.TopUps;

/**
 * The operator's side: deposit schemes, applications (PA-7), accounts and credit lines, marking top-ups paid,
 * adjustments with a reason, reversals and the reconciliation. Every action is recorded with the operator's id.
 */
final class AdminWeb {

    private final Ledger ledger;
    private final TopUps topUps;
    private final Reconciliation reconciliation;

    AdminWeb(Ledger ledger, TopUps topUps, Reconciliation reconciliation) {
        this.ledger = ledger;
        this.topUps = topUps;
        this.reconciliation = reconciliation;
    }

    // ---- actions shared by pages and JSON ----

    private Scheme createScheme(Map<String, String> in) {
        String currencyCode = Inputs.required("currency", in.get("currency")).toUpperCase();
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("currency", "currency must be an ISO 4217 code such as CZK");
        }
        return ledger.createScheme(Inputs.required("id", in.get("id")), Inputs.required("name", in.get("name")), currency,
                Inputs.money("minimumTopUp", in.get("minimumTopUp"), currency), "true".equals(in.get("domainsOnly")),
                Inputs.money("creditLine", orZero(in.get("creditLine")), currency));
    }

    private Account setCreditLine(String accountId, Map<String, String> in) {
        Account account = account(accountId);
        return ledger.setCreditLine(accountId, Inputs.money("creditLine", in.get("creditLine"), account.currency()),
                "true".equals(in.get("beyondCreditLine")));
    }

    private Entry adjust(Context ctx, String accountId, Map<String, String> in) {
        Account account = account(accountId);
        Money amount = Inputs.money("amount", in.get("amount"), account.currency());
        String reason = Inputs.required("reason", in.get("reason"));
        return ledger.adjust(accountId, key(ctx, in), amount, reason, actor(ctx));
    }

    private Entry reverse(Context ctx, String entryId, Map<String, String> in) {
        return ledger.reverse(Inputs.required("entry", entryId), key(ctx, in), Inputs.required("reason", in.get("reason")),
                actor(ctx));
    }

    // ---- JSON ----

    void schemesJson(Context ctx) {
        ctx.json(ledger.schemes().stream().map(Views.SchemeView::of).toList());
    }

    void createSchemeJson(Context ctx) {
        ctx.status(201).json(Views.SchemeView.of(createScheme(strings(body(ctx)))));
    }

    void applicationsJson(Context ctx) {
        ctx.json(ledger.accounts().stream().filter(a -> a.state() == AccountState.APPLIED).map(Views.AccountView::of).toList());
    }

    void approveJson(Context ctx) {
        ctx.json(Views.AccountView.of(ledger.activate(ctx.pathParam("id"), actor(ctx))));
    }

    void accountsJson(Context ctx) {
        ctx.json(ledger.accounts().stream().map(Views.AccountView::of).toList());
    }

    void creditLineJson(Context ctx) {
        ctx.json(Views.AccountView.of(setCreditLine(ctx.pathParam("id"), strings(body(ctx)))));
    }

    void topUpsJson(Context ctx) {
        TopUpState state = ctx.queryParam("state") == null ? TopUpState.REQUESTED : parseState(ctx.queryParam("state"));
        ctx.json(topUps.inState(state).stream().map(Views.TopUpView::of).toList());
    }

    void markPaidJson(Context ctx) {
        Map<String, String> in = strings(body(ctx));
        ctx.json(Views.TopUpView.of(topUps.markPaid(ctx.pathParam("id"), in.get("externalReference"), actor(ctx))));
    }

    void adjustJson(Context ctx) {
        ctx.status(201).json(Views.MovementView.of(adjust(ctx, ctx.pathParam("id"), strings(body(ctx)))));
    }

    void reverseJson(Context ctx) {
        ctx.status(201).json(Views.MovementView.of(reverse(ctx, ctx.pathParam("id"), strings(body(ctx)))));
    }

    void reconcileJson(Context ctx) {
        ctx.json(reconciliation.run());
    }

    // ---- pages ----

    void dashboardPage(Context ctx) {
        MoneyFormat f = MoneyFormat.of(RequestLanguage.of(ctx));
        Map<String, Object> page = new HashMap<>();
        page.put("schemes", ledger.schemes().stream().map(s -> Views.scheme(s, f)).toList());
        page.put("applications", ledger.accounts().stream().filter(a -> a.state() == AccountState.APPLIED)
                .map(a -> Views.account(a, f)).toList());
        page.put("accounts", ledger.accounts().stream().filter(a -> a.state() != AccountState.APPLIED)
                .map(a -> Views.account(a, f)).toList());
        page.put("topUps", topUps.inState(TopUpState.REQUESTED).stream().map(t -> Views.topUp(t, f)).toList());
        page.put("key", UUID.randomUUID().toString());
        ctx.render("admin.ftlh", page);
    }

    void createSchemeForm(Context ctx) {
        createScheme(form(ctx));
        back(ctx);
    }

    void approveForm(Context ctx) {
        ledger.activate(ctx.pathParam("id"), actor(ctx));
        back(ctx);
    }

    void creditLineForm(Context ctx) {
        setCreditLine(ctx.pathParam("id"), form(ctx));
        back(ctx);
    }

    void markPaidForm(Context ctx) {
        topUps.markPaid(ctx.pathParam("id"), ctx.formParam("externalReference"), actor(ctx));
        back(ctx);
    }

    void adjustForm(Context ctx) {
        adjust(ctx, Inputs.required("account", ctx.formParam("account")), form(ctx));
        back(ctx);
    }

    void reverseForm(Context ctx) {
        reverse(ctx, ctx.formParam("entry"), form(ctx));
        back(ctx);
    }

    void reconciliationPage(Context ctx) {
        MoneyFormat f = MoneyFormat.of(RequestLanguage.of(ctx));
        ReconciliationReport report = reconciliation.run();
        Map<String, Object> page = new HashMap<>();
        page.put("at", f.dateTime(report.at()));
        page.put("accounts", report.accounts());
        page.put("problems", report.problems());
        page.put("staleHolds", report.staleHolds());
        page.put("clean", report.clean());
        ctx.render("reconciliation.ftlh", page);
    }

    // ---- helpers ----

    private Account account(String id) {
        return ledger.account(id).orElseThrow(() ->
                new LedgerException(LedgerException.Reason.NO_ACCOUNT, "there is no prepaid account " + id));
    }

    private static String actor(Context ctx) {
        return Caller.require(ctx).subject();
    }

    /** The client's idempotency key (header or form field), so a repeated submit moves money once. */
    private static String key(Context ctx, Map<String, String> in) {
        String key = ctx.header("Idempotency-Key");
        if (key == null || key.isBlank()) {
            key = in.get("key");
        }
        return key == null || key.isBlank() ? "admin:" + UUID.randomUUID() : "admin:" + key.strip();
    }

    private static TopUpState parseState(String value) {
        try {
            return TopUpState.valueOf(value.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("state", "state must be REQUESTED, PAID or CANCELED");
        }
    }

    private static String orZero(String value) {
        return value == null || value.isBlank() ? "0" : value;
    }

    private static Map<String, String> form(Context ctx) {
        Map<String, String> values = new HashMap<>();
        ctx.formParamMap().forEach((name, list) -> values.put(name, list.isEmpty() ? null : list.get(0)));
        return values;
    }

    private static Map<String, String> strings(Map<String, Object> body) {
        Map<String, String> values = new HashMap<>();
        body.forEach((name, value) -> values.put(name, value == null ? null : String.valueOf(value)));
        return values;
    }

    private static void back(Context ctx) {
        ctx.redirect("/admin/p/prepaid-account", io.javalin.http.HttpStatus.SEE_OTHER);
    }
}
