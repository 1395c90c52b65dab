package org.kontor.plugins.prepaidaccount.web;

import org.kontor.api.web.RequestLanguage;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kontor.api.web.Caller;
import org.kontor.plugins.prepaidaccount.i18n.MoneyFormat;
import org.kontor.plugins.prepaidaccount.i18n.PluginMessages;
import org.kontor.plugins.prepaidaccount.ledger.Account;
import org.kontor.plugins.prepaidaccount.ledger.AccountSettings;
import org.kontor.plugins.prepaidaccount.ledger.Entry;
import org.kontor.plugins.prepaidaccount.ledger.EntryFilter;
import org.kontor.plugins.prepaidaccount.ledger.EntryKind;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.plugins.prepaidaccount.ledger.LedgerException;
import org.kontor.plugins.prepaidaccount.topup.TopUp;
import org.kontor.plugins.prepaidaccount.topup.TopUps;

/**
 * The reseller's side (PA-4, 5, 7, 9, 10, 12): pages and JSON over the caller's own account only. No route takes an
 * account id; a top-up id of another account is answered as not found.
 */
final class ResellerWeb {

    static final int PAGE_SIZE = 50;
    private static final int EXPORT_LIMIT = 10_000;

    private final Ledger ledger;
    private final TopUps topUps;
    private final PluginMessages messages;

    ResellerWeb(Ledger ledger, TopUps topUps, PluginMessages messages) {
        this.ledger = ledger;
        this.topUps = topUps;
        this.messages = messages;
    }

    // ---- JSON ----

    void accountJson(Context ctx) {
        Account account = own(ctx);
        ctx.json(Map.of("account", Views.AccountView.of(account),
                "movements", ledger.entries(account.id(), filter(ctx)).stream().map(Views.MovementView::of).toList()));
    }

    void movementsJson(Context ctx) {
        Account account = own(ctx);
        ctx.json(ledger.entries(account.id(), filter(ctx)).stream().map(Views.MovementView::of).toList());
    }

    void paymentsJson(Context ctx) {
        Account account = own(ctx);
        ctx.json(payments(ctx, account).stream().map(Views.PaymentView::of).toList());
    }

    void topUpsJson(Context ctx) {
        ctx.json(topUps.ofAccount(own(ctx).id()).stream().map(Views.TopUpView::of).toList());
    }

    void requestTopUpJson(Context ctx) {
        Account account = own(ctx);
        Map<String, Object> body = body(ctx);
        TopUp topUp = topUps.request(account.id(), Inputs.money("amount", text(body, "amount"), account.currency()));
        ctx.status(201).json(Views.TopUpView.of(topUp));
    }

    void cancelTopUpJson(Context ctx) {
        ctx.json(Views.TopUpView.of(topUps.cancel(ownTopUp(ctx).id())));
    }

    void settingsJson(Context ctx) {
        ctx.json(settingsOf(own(ctx)));
    }

    void saveSettingsJson(Context ctx) {
        Account account = own(ctx);
        Map<String, Object> body = body(ctx);
        AccountSettings settings = new AccountSettings(text(body, "notifyEmail"),
                Inputs.optionalMoney("lowBalanceThreshold", text(body, "lowBalanceThreshold"), account.currency()),
                !"false".equals(text(body, "upcomingNotices")), "true".equals(text(body, "autoRenew")),
                Optional.ofNullable(text(body, "language")).filter(RequestLanguage.SUPPORTED::contains).orElse("en"));
        ctx.json(settingsOf(ledger.saveSettings(account.id(), settings)));
    }

    void schemesJson(Context ctx) {
        ctx.json(ledger.schemes().stream().map(Views.SchemeView::of).toList());
    }

    void applyJson(Context ctx) {
        Account account = ledger.apply(Caller.require(ctx).subject(), Inputs.required("scheme", text(body(ctx), "scheme")));
        ctx.status(201).json(Views.AccountView.of(account));
    }

    /** The movements as CSV, UTF-8 with a byte order mark so that spreadsheets read æ, ø, č and ž right. */
    void movementsCsv(Context ctx) {
        Account account = own(ctx);
        String lang = RequestLanguage.of(ctx);
        EntryFilter filter = new EntryFilter(Inputs.day("from", ctx.queryParam("from"), false),
                Inputs.day("until", ctx.queryParam("until"), true), Inputs.kinds(ctx.queryParam("kind")), EXPORT_LIMIT, 0);
        Csv csv = new Csv().row(List.of(label(lang, "movements.date"), label(lang, "movements.kind"),
                label(lang, "movements.amount"), "currency", label(lang, "movements.balanceAfter"),
                label(lang, "movements.description"), "id"));
        for (Entry e : ledger.entries(account.id(), filter)) {
            csv.row(List.of(e.createdAt().toString(), e.kind().name(), e.amount().amount().toPlainString(),
                    e.amount().currencyCode(), e.balanceAfter().amount().toPlainString(), Views.describe(e), e.id()));
        }
        ctx.header("Content-Disposition", "attachment; filename=\"prepaid-account-" + account.paymentReference() + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8");
        ctx.result(("\ufeff" + csv).getBytes(StandardCharsets.UTF_8));
    }

    // ---- pages ----

    void overviewPage(Context ctx) {
        Optional<Account> found = ledger.accountOfOwner(Caller.require(ctx).subject());
        if (found.isEmpty()) {
            ctx.redirect(ctx.path().replaceAll("/$", "") + "/apply", io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        Account account = found.get();
        MoneyFormat f = MoneyFormat.of(RequestLanguage.of(ctx));
        EntryFilter filter = filter(ctx);
        List<Map<String, Object>> movements = ledger.entries(account.id(), filter).stream()
                .map(e -> Views.movement(e, f)).toList();
        Map<String, Object> page = base(ctx, account, f, "overview");
        page.put("movements", movements);
        page.put("from", Optional.ofNullable(ctx.queryParam("from")).orElse(""));
        page.put("until", Optional.ofNullable(ctx.queryParam("until")).orElse(""));
        page.put("kind", Optional.ofNullable(ctx.queryParam("kind")).orElse(""));
        page.put("kinds", List.of(EntryKind.values()).stream().map(Enum::name).toList());
        page.put("offset", filter.offset());
        page.put("previousOffset", Math.max(0, filter.offset() - PAGE_SIZE));
        page.put("nextOffset", movements.size() == filter.limit() ? filter.offset() + PAGE_SIZE : -1);
        ctx.render("overview.ftlh", page);
    }

    void depositsPage(Context ctx) {
        Account account = own(ctx);
        MoneyFormat f = MoneyFormat.of(RequestLanguage.of(ctx));
        Map<String, Object> page = base(ctx, account, f, "deposits");
        page.put("minimum", f.format(ledger.scheme(account.schemeId()).orElseThrow().minimumTopUp()));
        List<Map<String, Object>> list = topUps.ofAccount(account.id()).stream().map(t -> Views.topUp(t, f)).toList();
        page.put("topUps", list);
        // just requested: the page leads with it and the way to pay it
        String requested = ctx.queryParam("requested");
        page.put("requested", list.stream().filter(t -> t.get("id").equals(requested) && (boolean) t.get("requested"))
                .findFirst().orElse(Map.of()));
        ctx.render("deposits.ftlh", page);
    }

    void requestTopUpForm(Context ctx) {
        Account account = own(ctx);
        TopUp topUp = topUps.request(account.id(), Inputs.money("amount", ctx.formParam("amount"), account.currency()));
        seeOther(ctx, "deposits?requested=" + URLEncoder.encode(topUp.id(), StandardCharsets.UTF_8));
    }

    void paymentsPage(Context ctx) {
        Account account = own(ctx);
        MoneyFormat f = MoneyFormat.of(RequestLanguage.of(ctx));
        Map<String, Object> page = base(ctx, account, f, "payments");
        page.put("payments", payments(ctx, account).stream().map(e -> Views.payment(e, f)).toList());
        ctx.render("payments.ftlh", page);
    }

    void settingsPage(Context ctx) {
        Account account = own(ctx);
        MoneyFormat f = MoneyFormat.of(RequestLanguage.of(ctx));
        Map<String, Object> page = base(ctx, account, f, "settings");
        page.put("email", account.notifyEmail() == null ? "" : account.notifyEmail());
        page.put("threshold", account.lowBalanceThreshold() == null ? "" : account.lowBalanceThreshold().amount().toPlainString());
        page.put("upcoming", account.upcomingNotices());
        page.put("autoRenew", account.autoRenew());
        ctx.render("settings.ftlh", page);
    }

    void saveSettingsForm(Context ctx) {
        Account account = own(ctx);
        ledger.saveSettings(account.id(), new AccountSettings(ctx.formParam("notifyEmail"),
                Inputs.optionalMoney("lowBalanceThreshold", ctx.formParam("lowBalanceThreshold"), account.currency()),
                ctx.formParam("upcomingNotices") != null, "auto".equals(ctx.formParam("renewal")), RequestLanguage.of(ctx)));
        seeOther(ctx, "settings");
    }

    void applyPage(Context ctx) {
        MoneyFormat f = MoneyFormat.of(RequestLanguage.of(ctx));
        Map<String, Object> page = new HashMap<>();
        page.put("schemes", ledger.schemes().stream().map(s -> Views.scheme(s, f)).toList());
        ledger.accountOfOwner(Caller.require(ctx).subject()).ifPresent(a -> page.put("account", Views.account(a, f)));
        ctx.render("apply.ftlh", page);
    }

    void applyForm(Context ctx) {
        ledger.apply(Caller.require(ctx).subject(), Inputs.required("scheme", ctx.formParam("scheme")));
        seeOther(ctx, "apply");
    }

    // ---- helpers ----

    private Account own(Context ctx) {
        String owner = Caller.require(ctx).subject();
        return ledger.accountOfOwner(owner).orElseThrow(() ->
                new LedgerException(LedgerException.Reason.NO_ACCOUNT, "you have no prepaid account"));
    }

    private TopUp ownTopUp(Context ctx) {
        Account account = own(ctx);
        return topUps.find(ctx.pathParam("id")).filter(t -> t.accountId().equals(account.id()))
                .orElseThrow(() -> new LedgerException(LedgerException.Reason.NO_ACCOUNT,
                        "you have no top-up request " + ctx.pathParam("id")));
    }

    private List<Entry> payments(Context ctx, Account account) {
        return ledger.entries(account.id(), new EntryFilter(Inputs.day("from", ctx.queryParam("from"), false),
                Inputs.day("until", ctx.queryParam("until"), true), Set.of(EntryKind.CHARGE),
                Inputs.number("limit", ctx.queryParam("limit"), PAGE_SIZE, 1, 1000),
                Inputs.number("offset", ctx.queryParam("offset"), 0, 0, Integer.MAX_VALUE)));
    }

    private static EntryFilter filter(Context ctx) {
        return new EntryFilter(Inputs.day("from", ctx.queryParam("from"), false),
                Inputs.day("until", ctx.queryParam("until"), true), Inputs.kinds(ctx.queryParam("kind")),
                Inputs.number("limit", ctx.queryParam("limit"), PAGE_SIZE, 1, 1000),
                Inputs.number("offset", ctx.queryParam("offset"), 0, 0, Integer.MAX_VALUE));
    }

    private static Map<String, Object> base(Context ctx, Account account, MoneyFormat f, String section) {
        Map<String, Object> page = new HashMap<>();
        page.put("account", Views.account(account, f));
        page.put("section", section);
        return page;
    }

    private static Map<String, Object> settingsOf(Account a) {
        Map<String, Object> view = new HashMap<>();
        view.put("notifyEmail", a.notifyEmail());
        view.put("lowBalanceThreshold", a.lowBalanceThreshold());
        view.put("upcomingNotices", a.upcomingNotices());
        view.put("autoRenew", a.autoRenew());
        return view;
    }

    private String label(String lang, String key) {
        return messages.get(lang, "p.prepaid-account." + key);
    }

    /** After a form post: back to a page of the storefront area, which the path's prefix names. */
    static void seeOther(Context ctx, String page) {
        String path = ctx.path();
        String prefix = path.substring(0, path.indexOf("/prepaid-account") + "/prepaid-account".length());
        ctx.redirect(prefix + "/" + page, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> body(Context ctx) {
        String raw = ctx.body();
        if (raw.isBlank()) {
            return Map.of();
        }
        try {
            return ctx.jsonMapper().fromJsonString(raw, Map.class);
        } catch (RuntimeException e) {
            throw InvalidInput.of("body", "the body must be a JSON object");
        }
    }

    static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        return value == null ? null : String.valueOf(value);
    }
}
