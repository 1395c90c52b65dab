package org.kontor.testplugins.greeter;

import java.util.Map;
import java.util.UUID;
import org.kontor.api.PluginContext;
import org.kontor.api.mail.MailMessage;
import org.kontor.api.web.Access;
import org.kontor.api.web.PluginRoutes;
import org.kontor.api.web.RouteContributor;
import org.pf4j.Extension;

/** A page, an API endpoint counting visits in the plugin's own table, and admin routes (one sends mail). */
@Extension
public class GreeterRoutes implements RouteContributor {

    private final PluginContext context;

    public GreeterRoutes(PluginContext context) {
        this.context = context;
    }

    @Override
    public void routes(PluginRoutes routes) {
        routes.storefront().get("/hello", Access.PUBLIC, ctx -> ctx.render("hello.ftlh",
                Map.of("greeting", greeting(), "name", ctx.queryParamAsClass("name", String.class).getOrDefault("world"))));
        routes.api().get("/greeting", Access.PUBLIC, ctx -> ctx.json(Map.of("greeting", greeting(), "visits", visit())));
        routes.admin().get("/", Access.ADMIN, ctx -> ctx.result("greeter admin"));
        routes.admin().post("/notify", Access.ADMIN, ctx -> ctx.json(Map.of("mail",
                context.mailer().send(MailMessage.text(ctx.queryParam("to"), "Greetings", greeting() + " from Kontor")))));
    }

    private String greeting() {
        return context.settings().get("greeting").orElse("Hello");
    }

    private int visit() {
        return context.jdbi().inTransaction(handle -> {
            handle.createUpdate("INSERT INTO greeter_visit (id, visited_at) VALUES (:id, :at)")
                    .bind("id", UUID.randomUUID().toString())
                    .bind("at", context.clock().millis())
                    .execute();
            return handle.createQuery("SELECT COUNT(*) FROM greeter_visit").mapTo(Integer.class).one();
        });
    }
}
