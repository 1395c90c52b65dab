package org.kontor.host.payments.web;

import freemarker.template.TemplateScalarModel;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.kontor.api.web.Caller;
import org.kontor.host.payments.TopUpDirectory;
import org.kontor.host.themes.ThemeRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts {@code addFunds} into every template's model: for a signed-in customer with a prepaid account, the path of the
 * page where they top it up ("Add funds", PA-5); else empty. Asked only when a template reads it.
 */
public final class AddFundsLink implements ThemeRenderer.ModelContributor {

    /** The model variable. */
    public static final String MODEL_VARIABLE = "addFunds";
    private static final Logger LOG = LoggerFactory.getLogger(AddFundsLink.class);

    private final TopUpDirectory topUps;

    public AddFundsLink(TopUpDirectory topUps) {
        this.topUps = topUps;
    }

    @Override
    public void contribute(Context ctx, Map<String, Object> model) {
        AtomicReference<String> known = new AtomicReference<>();
        TemplateScalarModel link = () -> {
            if (known.get() == null) {
                known.set(Caller.of(ctx).map(caller -> pageOf(caller.subject())).orElse(""));
            }
            return known.get();
        };
        model.put(MODEL_VARIABLE, link);
    }

    private String pageOf(String customerId) {
        try {
            return topUps.topUpPage(customerId).orElse("");
        } catch (RuntimeException e) {
            LOG.warn("Could not ask for the top-up page of {}", customerId, e);
            return "";
        }
    }
}
