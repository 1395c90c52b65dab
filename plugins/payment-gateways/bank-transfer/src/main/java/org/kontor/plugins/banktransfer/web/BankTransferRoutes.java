package org.kontor.plugins.banktransfer.web;

import org.kontor.api.PluginContext;
import org.kontor.api.web.Access;
import org.kontor.api.web.PluginRoutes;
import org.kontor.api.web.RouteContributor;
import org.pf4j.Extension;

/**
 * The JSON API under {@code /api/v1/p/payment-bank-transfer/}: the operator uploads statements and works the manual
 * queue ({@code admin/…}); a customer reads the transfer instructions of their own payment ({@code payments/{id}}).
 */
@Extension
public class BankTransferRoutes implements RouteContributor {

    private final PluginContext context;

    public BankTransferRoutes(PluginContext context) {
        this.context = context;
    }

    @Override
    public void routes(PluginRoutes routes) {
        AdminApi admin = new AdminApi(context);
        CustomerApi customer = new CustomerApi(context);
        routes.api()
                .post("/admin/statements", Access.ADMIN, Problems.api(admin::uploadStatement))
                .get("/admin/queue", Access.ADMIN, Problems.api(admin::queue))
                .post("/admin/queue/{id}/resolve", Access.ADMIN, Problems.api(admin::resolve))
                .get("/admin/payments/{id}", Access.ADMIN, Problems.api(admin::payment))
                .get("/payments/{id}", Access.CUSTOMER, Problems.api(customer::instructions));
    }
}
