package org.kontor.plugins.prepaidaccount.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.InvalidDomainNameException;
import org.kontor.api.funding.InsufficientFundsException;
import org.kontor.api.portfolio.PortfolioDomain;
import org.kontor.api.portfolio.RenewalResult;
import org.kontor.api.portfolio.RestorableDomain;
import org.kontor.api.portfolio.RestoreResult;
import org.kontor.api.web.Caller;
import org.kontor.api.web.RequestLanguage;
import org.kontor.plugins.prepaidaccount.i18n.MoneyFormat;
import org.kontor.plugins.prepaidaccount.ledger.Account;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.plugins.prepaidaccount.ledger.LedgerException;
import org.kontor.plugins.prepaidaccount.upcoming.Upcoming;
import org.kontor.plugins.prepaidaccount.upcoming.UpcomingPayments;

/**
 * Upcoming payments (PA-11) for the reseller: the page and JSON over the caller's own domains only. A domain of
 * someone else is answered as not found (404), exactly like a domain that does not exist.
 *
 * <p>"Renew" runs the renewal at once and cannot be undone; the form carries a key made when the page was shown,
 * so a double click (or a resent form) renews once, and the expiry the reseller saw, so that a second page cannot
 * renew again what was renewed meanwhile.
 *
 * <p>Restore (PA-6), a section of the same page and {@code account/restorable} in JSON: the caller's domains in
 * redemption with the restore price; "Restore" restores at once from the account under a form key made when the
 * page was shown. When the available balance does not cover the price, the page answers 402 with how much is
 * missing in the reader's language, and JSON the host's 402 problem with {@code missing}.
 */
final class UpcomingWeb {

    /** What a form post reports back on the page (the RenewalResult statuses, and terminated). */
    private static final Set<String> RESULTS = Set.of("completed", "pending", "failed", "held_for_review", "terminated",
            "restored", "restore_pending", "restore_failed", "restore_held_for_review");

    private final Ledger ledger;
    private final UpcomingPayments upcoming;

    UpcomingWeb(Ledger ledger, UpcomingPayments upcoming) {
        this.ledger = ledger;
        this.upcoming = upcoming;
    }

    // ---- JSON ----

    void listJson(Context ctx) {
        ctx.json(upcoming.of(own(ctx)).stream().map(UpcomingWeb::view).toList());
    }

    /** Body: {@code {"key": "...", "expectedExpiry": "2027-01-10T10:00:00Z"}}; the key is required. */
    void renewJson(Context ctx) throws InsufficientFundsException {
        Account account = own(ctx);
        Map<String, Object> body = ResellerWeb.body(ctx);
        String key = Inputs.required("key", ResellerWeb.text(body, "key"));
        RenewalResult result = renew(account, domain(ctx.pathParam("domain")), validKey(key),
                instant(ResellerWeb.text(body, "expectedExpiry")));
        ctx.status(result.status() == RenewalResult.Status.FAILED ? 409 : 200).json(view(result));
    }

    void terminateJson(Context ctx) {
        ctx.json(view(upcoming.terminate(own(ctx), domain(ctx.pathParam("domain")))));
    }

    void restorableJson(Context ctx) {
        ctx.json(upcoming.restorable(own(ctx)).stream().map(UpcomingWeb::view).toList());
    }

    /**
     * Body: {@code {"key": "..."}}, required. 200 with the result, 409 when it failed; lack of funds is the host's
     * 402 problem with {@code missing}.
     */
    void restoreJson(Context ctx) throws InsufficientFundsException {
        Account account = own(ctx);
        Map<String, Object> body = ResellerWeb.body(ctx);
        String key = Inputs.required("key", ResellerWeb.text(body, "key"));
        RestoreResult result = restore(account, domain(ctx.pathParam("domain")), validKey(key));
        ctx.status(result.status() == RestoreResult.Status.FAILED ? 409 : 200).json(view(result));
    }

    // ---- pages ----

    void page(Context ctx) {
        render(ctx, own(ctx), null);
    }

    /** A restore refused for lack of funds: the domain and the missing amount, formatted for the reader. */
    private record Refusal(String domain, String missing) {
    }

    /** The page; {@code refusal}, when given, is shown with the status the caller set (402). */
    private void render(Context ctx, Account account, Refusal refusal) {
        MoneyFormat f = MoneyFormat.of(RequestLanguage.of(ctx));
        Map<String, Object> page = new HashMap<>();
        page.put("account", Views.account(account, f));
        page.put("section", "upcoming");
        page.put("available", upcoming.available());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Upcoming u : upcoming.of(account)) {
            Map<String, Object> row = new HashMap<>();
            row.put("domain", u.domain().unicode());
            row.put("ascii", u.domain().ascii());
            row.put("expires", f.date(u.expiresAt()));
            row.put("expiresAt", u.expiresAt().toString());
            row.put("price", u.price() == null ? "" : f.format(u.price()));
            row.put("issued", f.date(u.issuedAt()));
            row.put("due", f.date(u.dueAt()));
            row.put("auto", u.autoRenew());
            row.put("key", UUID.randomUUID().toString());
            rows.add(row);
        }
        page.put("payments", rows);
        List<Map<String, Object>> restorable = new ArrayList<>();
        for (RestorableDomain r : upcoming.restorable(account)) {
            Map<String, Object> row = new HashMap<>();
            row.put("domain", r.domain().name().unicode());
            row.put("ascii", r.domain().name().ascii());
            row.put("until", r.restoreBy() == null ? "" : f.date(r.restoreBy()));
            row.put("price", r.price() == null ? "" : f.format(r.price()));
            row.put("key", UUID.randomUUID().toString());
            restorable.add(row);
        }
        page.put("restorable", restorable);
        page.put("refusalDomain", refusal == null ? "" : refusal.domain());
        page.put("missing", refusal == null ? "" : refusal.missing());
        String result = refusal == null ? ctx.queryParam("result") : null;
        page.put("result", result != null && RESULTS.contains(result) ? result : "");
        page.put("resultDomain", ctx.queryParam("domain") == null ? "" : ctx.queryParam("domain"));
        ctx.render("upcoming.ftlh", page);
    }

    void renewForm(Context ctx) throws InsufficientFundsException {
        Account account = own(ctx);
        DomainName name = domain(ctx.formParam("domain"));
        RenewalResult result = renew(account, name, validKey(Inputs.required("key", ctx.formParam("key"))),
                instant(ctx.formParam("expiresAt")));
        back(ctx, result.status().name().toLowerCase(), name);
    }

    /** Restores at once; a refusal for funds shows the page again with the missing amount (402). */
    void restoreForm(Context ctx) {
        Account account = own(ctx);
        DomainName name = domain(ctx.formParam("domain"));
        RestoreResult result;
        try {
            result = restore(account, name, validKey(Inputs.required("key", ctx.formParam("key"))));
        } catch (InsufficientFundsException e) {
            ctx.status(402);
            render(ctx, account, new Refusal(name.unicode(), MoneyFormat.of(RequestLanguage.of(ctx)).format(e.missing())));
            return;
        }
        back(ctx, "restore_" + result.status().name().toLowerCase(), name);
    }

    void terminateForm(Context ctx) {
        Account account = own(ctx);
        DomainName name = domain(ctx.formParam("domain"));
        upcoming.terminate(account, name);
        back(ctx, "terminated", name);
    }

    // ---- helpers ----

    /** A renewal the host cannot run (no price set, no registry, funding not running) is not payable now. */
    private RenewalResult renew(Account account, DomainName name, String key, Instant expectedExpiry)
            throws InsufficientFundsException {
        try {
            return upcoming.renewNow(account, name, key, expectedExpiry);
        } catch (IllegalStateException e) {
            throw new LedgerException(LedgerException.Reason.NOT_PAYABLE, e.getMessage());
        }
    }

    /** A restore the host cannot run (no price set, no registry, funding not running, an older host) is not payable now. */
    private RestoreResult restore(Account account, DomainName name, String key) throws InsufficientFundsException {
        try {
            return upcoming.restore(account, name, key);
        } catch (IllegalStateException | UnsupportedOperationException e) {
            throw new LedgerException(LedgerException.Reason.NOT_PAYABLE, e.getMessage());
        }
    }

    private static void back(Context ctx, String result, DomainName name) {
        String path = ctx.path();
        String prefix = path.substring(0, path.indexOf("/prepaid-account") + "/prepaid-account".length());
        ctx.redirect(prefix + "/upcoming?result=" + result + "&domain=" + name.ascii(), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private Account own(Context ctx) {
        return ledger.accountOfOwner(Caller.require(ctx).subject()).orElseThrow(() ->
                new LedgerException(LedgerException.Reason.NO_ACCOUNT, "you have no prepaid account"));
    }

    private static DomainName domain(String text) {
        try {
            return DomainName.of(Inputs.required("domain", text));
        } catch (InvalidDomainNameException e) {
            throw InvalidInput.of("domain", "'" + text + "' is not a domain name");
        }
    }

    private static String validKey(String key) {
        if (key.length() > 100 || !key.matches("[A-Za-z0-9._:-]+")) {
            throw InvalidInput.of("key", "a key is 1 to 100 letters, digits, '.', '_', ':' or '-'");
        }
        return key;
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (RuntimeException e) {
            throw InvalidInput.of("expectedExpiry", "'" + text + "' is not an instant such as 2027-01-10T10:00:00Z");
        }
    }

    private static Map<String, Object> view(Upcoming u) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("domain", u.domain().ascii());
        view.put("unicode", u.domain().unicode());
        view.put("expiresAt", u.expiresAt());
        view.put("price", u.price());
        view.put("issuedAt", u.issuedAt());
        view.put("dueAt", u.dueAt());
        view.put("autoRenew", u.autoRenew());
        return view;
    }

    private static Map<String, Object> view(RestorableDomain r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("domain", r.domain().name().ascii());
        view.put("unicode", r.domain().name().unicode());
        view.put("state", r.domain().state().name());
        view.put("expiredAt", r.domain().expiresAt());
        view.put("restoreBy", r.restoreBy());
        view.put("price", r.price());
        return view;
    }

    private static Map<String, Object> view(RestoreResult r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("domain", r.name().ascii());
        view.put("status", r.status().name());
        view.put("amount", r.amount());
        view.put("code", r.code());
        view.put("message", r.message());
        return view;
    }

    private static Map<String, Object> view(RenewalResult r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("domain", r.name().ascii());
        view.put("status", r.status().name());
        view.put("amount", r.amount());
        view.put("expiresAt", r.expiresAt());
        view.put("code", r.code());
        view.put("message", r.message());
        return view;
    }

    private static Map<String, Object> view(PortfolioDomain d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("domain", d.name().ascii());
        view.put("state", d.state().name());
        view.put("expiresAt", d.expiresAt());
        view.put("terminated", d.terminated());
        view.put("autoRenew", d.autoRenew());
        return view;
    }
}
