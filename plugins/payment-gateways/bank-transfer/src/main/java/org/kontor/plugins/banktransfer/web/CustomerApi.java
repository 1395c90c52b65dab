package org.kontor.plugins.banktransfer.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.api.PluginContext;
import org.kontor.api.web.Caller;
import org.kontor.plugins.banktransfer.InstructionsFactory;
import org.kontor.plugins.banktransfer.matching.BankTransferException;
import org.kontor.plugins.banktransfer.matching.Payment;
import org.kontor.plugins.banktransfer.matching.Payments;

/** A customer's view of their own bank transfer: where to send how much with which reference, and whether it arrived. */
final class CustomerApi {

    private final PluginContext context;
    private final Payments payments;

    CustomerApi(PluginContext context) {
        this.context = context;
        this.payments = new Payments(context.jdbi(), context.clock());
    }

    void instructions(Context ctx) {
        String subject = Caller.require(ctx).subject();
        // Someone else's payment answers as an unknown one, so ids cannot be probed.
        Payment payment = payments.byId(ctx.pathParam("id")).filter(p -> subject.equals(p.customerId()))
                .orElseThrow(() -> new BankTransferException(BankTransferException.Reason.NOT_FOUND,
                        "no bank transfer payment " + ctx.pathParam("id")));
        Map<String, Object> view = new LinkedHashMap<>(new InstructionsFactory(context.settings()).of(payment).toMap());
        view.put("state", payment.state().name());
        ctx.json(view);
    }
}
