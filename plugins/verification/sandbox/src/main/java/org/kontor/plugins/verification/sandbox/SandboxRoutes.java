package org.kontor.plugins.verification.sandbox;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.api.PluginContext;
import org.kontor.api.web.Access;
import org.kontor.api.web.PluginRoutes;
import org.kontor.api.web.RouteContributor;
import org.pf4j.Extension;

/**
 * The operator's page {@code /admin/p/verification-sandbox/}: the latest text messages the sandbox took (so that whoever
 * tries the demo reads the verification code there) and the sandbox bureau's rules. Template
 * {@code verification-sandbox/admin.ftlh}.
 */
@Extension
public class SandboxRoutes implements RouteContributor {

    static final int SHOWN = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final PluginContext context;
    private final SandboxOutbox outbox;

    public SandboxRoutes(PluginContext context) {
        this.context = context;
        this.outbox = new SandboxOutbox(context);
    }

    @Override
    public void routes(PluginRoutes routes) {
        routes.admin().get("/", Access.ADMIN, ctx -> {
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("messages", outbox.latest(SHOWN).stream().map(message -> Map.of(
                    "at", TIME.format(message.createdAt()),
                    "phoneNumber", message.phoneNumber(),
                    "text", message.text(),
                    "state", message.state())).toList());
            page.put("shown", SHOWN);
            page.put("bureauOn", context.settings().flag(SandboxSettings.BUREAU));
            ctx.render("admin.ftlh", page);
        });
    }
}
