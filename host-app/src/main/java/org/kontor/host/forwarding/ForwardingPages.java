package org.kontor.host.forwarding;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.api.domain.DomainName;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;

/**
 * A domain's forwarding in the customer center (TEC-1): {@code /account/domains/{name}/forwarding} shows the web
 * forwards and the e-mail aliases, sets one ({@code POST …/forwarding/web}, {@code POST …/forwarding/mail}) and removes
 * one ({@code POST …/forwarding/web/delete}, {@code POST …/forwarding/mail/delete}); the records a change replaced in
 * the zone are named. Template {@code account/forwarding.ftlh}.
 */
public final class ForwardingPages {

    static final String PATH = "/account/domains/{name}/forwarding";
    private static final Access[] HOLDERS = {Access.CUSTOMER, Access.RESELLER};

    private final Forwardings forwardings;

    public ForwardingPages(Forwardings forwardings) {
        this.forwardings = forwardings;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> render(ctx, Map.of(), null, null), HOLDERS);
        routes.post(PATH + "/web", this::forward, HOLDERS);
        routes.post(PATH + "/web/delete", ctx -> {
            forwardings.removeForward(customer(ctx), ForwardingApi.domain(ctx), ctx.formParam("label"));
            done(ctx, "removed");
        }, HOLDERS);
        routes.post(PATH + "/mail", this::alias, HOLDERS);
        routes.post(PATH + "/mail/delete", ctx -> {
            forwardings.removeAlias(customer(ctx), ForwardingApi.domain(ctx), ctx.formParam("localPart"));
            done(ctx, "removed");
        }, HOLDERS);
    }

    private void forward(Context ctx) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : new String[] {"label", "target", "type", "status", "keepPath"}) {
            form.put(field, ctx.formParam(field) == null ? "" : ctx.formParam(field));
        }
        try {
            Forwardings.Change change = forwardings.forward(customer(ctx), ForwardingApi.domain(ctx), form.get("label"),
                    form.get("target"), form.get("type"), form.get("status").isBlank() ? null
                            : Integer.valueOf(form.get("status").strip()), "on".equals(form.get("keepPath"))
                            || "true".equals(form.get("keepPath")));
            done(ctx, change.replaced().isEmpty() ? "forwarded" : "forwarded-replaced");
        } catch (ForwardingRefusedException e) {
            ctx.status(422);
            render(ctx, form, e, "web");
        } catch (NumberFormatException e) {
            ctx.status(422);
            render(ctx, form, new ForwardingRefusedException("status", "invalid-status", "status"), "web");
        }
    }

    private void alias(Context ctx) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("localPart", ctx.formParam("localPart") == null ? "" : ctx.formParam("localPart"));
        form.put("targets", ctx.formParam("targets") == null ? "" : ctx.formParam("targets"));
        try {
            Forwardings.Change change = forwardings.alias(customer(ctx), ForwardingApi.domain(ctx),
                    form.get("localPart"), Arrays.asList(form.get("targets").split("[\\s,;]+")));
            done(ctx, change.replaced().isEmpty() ? "aliased" : "aliased-replaced");
        } catch (ForwardingRefusedException e) {
            ctx.status(422);
            render(ctx, form, e, "mail");
        }
    }

    private static void done(Context ctx, String what) {
        ctx.redirect("/account/domains/" + ForwardingApi.domain(ctx).ascii() + "/forwarding?saved=" + what,
                HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, Map<String, String> form, ForwardingRefusedException error, String section) {
        DomainName domain = ForwardingApi.domain(ctx);
        Map<String, Object> page = ForwardingApi.view(forwardings, customer(ctx), domain);
        page.put("form", form);
        page.put("section", section == null ? "" : section);
        page.put("error", error == null ? Map.of() : Map.of("field", error.field(), "code", error.code()));
        String saved = ctx.queryParam("saved");
        page.put("saved", error == null && saved != null ? saved.replaceAll("[^a-z-]", "") : "");
        ctx.render("account/forwarding.ftlh", page);
    }

    private static String customer(Context ctx) {
        return Caller.require(ctx).subject();
    }
}
