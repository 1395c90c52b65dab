package org.kontor.host.security;

import io.javalin.http.Context;
import java.util.Map;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.themes.ThemeRenderer;

/**
 * Puts {@code staff} into every template's model: true when the caller is an admin or support staff member, so that
 * the storefront shows the way to the admin only to them. Visitors' pages, which are the ones cached, always get false.
 */
public final class StaffFlag implements ThemeRenderer.ModelContributor {

    public static final String MODEL_VARIABLE = "staff";

    @Override
    public void contribute(Context ctx, Map<String, Object> model) {
        model.put(MODEL_VARIABLE, Caller.of(ctx)
                .map(caller -> caller.role() == Access.ADMIN || caller.role() == Access.SUPPORT).orElse(false));
    }
}
