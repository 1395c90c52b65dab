package org.kontor.plugins.prepaidaccount.web;

import org.kontor.api.PluginContext;
import org.kontor.api.web.Access;
import org.kontor.api.web.PluginRoutes;
import org.kontor.api.web.RouteContributor;
import org.kontor.plugins.prepaidaccount.PrepaidLedgers;
import org.kontor.plugins.prepaidaccount.i18n.PluginMessages;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.plugins.prepaidaccount.ledger.Reconciliation;
import org.kontor.plugins.prepaidaccount.topup.TopUps;
import org.kontor.plugins.prepaidaccount.upcoming.Upcomings;
import org.pf4j.Extension;

/**
 * The prepaid account's pages and JSON API: the reseller's own account under {@code /p/prepaid-account/} and
 * {@code /api/v1/p/prepaid-account/account/…} (upcoming payments under {@code account/upcoming}, restores under {@code account/restorable}), the operator's under {@code /admin/p/prepaid-account/} and
 * {@code /api/v1/p/prepaid-account/admin/…}.
 */
@Extension
public class PrepaidRoutes implements RouteContributor {

    private final PluginContext context;

    public PrepaidRoutes(PluginContext context) {
        this.context = context;
    }

    @Override
    public void routes(PluginRoutes routes) {
        Ledger ledger = PrepaidLedgers.of(context);
        TopUps topUps = PrepaidLedgers.topUps(context, ledger);
        ResellerWeb reseller = new ResellerWeb(ledger, topUps, new PluginMessages(PrepaidRoutes.class.getClassLoader()));
        UpcomingWeb upcoming = new UpcomingWeb(ledger, Upcomings.of(context, ledger));
        AdminWeb admin = new AdminWeb(ledger, topUps, new Reconciliation(context.jdbi(), context.clock()));
        Access r = Access.RESELLER;
        Access a = Access.ADMIN;

        routes.api()
                .get("/schemes", r, Problems.api(reseller::schemesJson))
                .post("/applications", r, Problems.api(reseller::applyJson))
                .get("/account", r, Problems.api(reseller::accountJson))
                .get("/account/movements", r, Problems.api(reseller::movementsJson))
                .get("/account/movements.csv", r, Problems.api(reseller::movementsCsv))
                .get("/account/payments", r, Problems.api(reseller::paymentsJson))
                .get("/account/top-ups", r, Problems.api(reseller::topUpsJson))
                .post("/account/top-ups", r, Problems.api(reseller::requestTopUpJson))
                .post("/account/top-ups/{id}/cancel", r, Problems.api(reseller::cancelTopUpJson))
                .get("/account/settings", r, Problems.api(reseller::settingsJson))
                .put("/account/settings", r, Problems.api(reseller::saveSettingsJson))
                .get("/account/upcoming", r, Problems.api(upcoming::listJson))
                .post("/account/upcoming/{domain}/renew", r, Problems.api(upcoming::renewJson))
                .post("/account/upcoming/{domain}/terminate", r, Problems.api(upcoming::terminateJson))
                .get("/account/restorable", r, Problems.api(upcoming::restorableJson))
                .post("/account/restorable/{domain}/restore", r, Problems.api(upcoming::restoreJson))
                .get("/admin/schemes", a, Problems.api(admin::schemesJson))
                .post("/admin/schemes", a, Problems.api(admin::createSchemeJson))
                .get("/admin/applications", a, Problems.api(admin::applicationsJson))
                .post("/admin/applications/{id}/approve", a, Problems.api(admin::approveJson))
                .get("/admin/accounts", a, Problems.api(admin::accountsJson))
                .put("/admin/accounts/{id}/credit-line", a, Problems.api(admin::creditLineJson))
                .post("/admin/accounts/{id}/adjustments", a, Problems.api(admin::adjustJson))
                .post("/admin/entries/{id}/reversal", a, Problems.api(admin::reverseJson))
                .get("/admin/top-ups", a, Problems.api(admin::topUpsJson))
                .post("/admin/top-ups/{id}/paid", a, Problems.api(admin::markPaidJson))
                .post("/admin/reconciliation", a, Problems.api(admin::reconcileJson));

        routes.storefront()
                .get("/", r, Problems.page(reseller::overviewPage))
                .get("/movements.csv", r, Problems.page(reseller::movementsCsv))
                .get("/deposits", r, Problems.page(reseller::depositsPage))
                .post("/deposits", r, Problems.page(reseller::requestTopUpForm))
                .get("/payments", r, Problems.page(reseller::paymentsPage))
                .get("/settings", r, Problems.page(reseller::settingsPage))
                .post("/settings", r, Problems.page(reseller::saveSettingsForm))
                .get("/upcoming", r, Problems.page(upcoming::page))
                .post("/upcoming/renew", r, Problems.page(upcoming::renewForm))
                .post("/upcoming/terminate", r, Problems.page(upcoming::terminateForm))
                .post("/upcoming/restore", r, Problems.page(upcoming::restoreForm))
                .get("/apply", r, Problems.page(reseller::applyPage))
                .post("/apply", r, Problems.page(reseller::applyForm));

        routes.admin()
                .get("/", a, Problems.page(admin::dashboardPage))
                .post("/schemes", a, Problems.page(admin::createSchemeForm))
                .post("/applications/{id}/approve", a, Problems.page(admin::approveForm))
                .post("/accounts/{id}/credit-line", a, Problems.page(admin::creditLineForm))
                .post("/top-ups/{id}/paid", a, Problems.page(admin::markPaidForm))
                .post("/adjustments", a, Problems.page(admin::adjustForm))
                .post("/reversals", a, Problems.page(admin::reverseForm))
                .get("/reconciliation", a, Problems.page(admin::reconciliationPage));
    }
}
