package org.kontor.host.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.event.PluginStateChanged;
import org.kontor.api.settings.ConnectionTestResult;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.Settings;
import org.kontor.api.settings.SettingsSchema;
import org.kontor.api.web.Access;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.PluginHost;
import org.kontor.host.plugins.PluginInfo;
import org.kontor.host.plugins.PluginOperationException;
import org.kontor.host.settings.PluginSettingsService;
import org.kontor.host.settings.SettingsSchemas;
import org.kontor.host.settings.SettingsValidationException;
import org.kontor.host.web.ProblemException;

/**
 * Plugins in the admin (PLT-2): the list with version, state and plugin API range; installing a plugin from its zip;
 * enabling and disabling; and each running plugin's settings as a form generated from its schema, with the plugin's
 * "test connection" action run on the values as typed. Saved secrets are never sent back to the browser: their
 * field stays empty and an empty field keeps the saved secret.
 */
public final class PluginPages {

    private static final long MAX_PLUGIN_BYTES = 64_000_000L;

    private final PluginHost plugins;
    private final PluginSettingsService settings;
    private final EventPublisher events;
    private final AdminView view;

    /** One field of a settings form. */
    public record FieldView(String key, String type, String label, String help, boolean required, List<String> choices,
                            String value, boolean secretSaved, String error) {
    }

    public PluginPages(PluginHost plugins, PluginSettingsService settings, EventPublisher events, AdminView view) {
        this.plugins = plugins;
        this.settings = settings;
        this.events = events;
        this.view = view;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/plugins", this::list, Access.ADMIN);
        routes.post("/admin/plugins", this::install, Access.ADMIN);
        routes.post("/admin/plugins/{id}/enable", ctx -> change(ctx, true), Access.ADMIN);
        routes.post("/admin/plugins/{id}/disable", ctx -> change(ctx, false), Access.ADMIN);
        routes.get("/admin/plugins/{id}/settings", ctx -> settingsPage(ctx, Map.of(), Map.of(), null, false), Access.ADMIN);
        routes.post("/admin/plugins/{id}/settings", this::save, Access.ADMIN);
        routes.post("/admin/plugins/{id}/settings/test", this::test, Access.ADMIN);
    }

    private void list(Context ctx) {
        List<String> running = plugins.activePluginIds();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PluginInfo info : plugins.list()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", info.id());
            row.put("version", info.version());
            row.put("description", info.description() == null ? "" : info.description());
            row.put("requires", info.requires() == null ? "" : info.requires());
            row.put("state", info.state().name());
            row.put("problem", info.problem() == null ? "" : info.problem());
            row.put("running", running.contains(info.id()));
            row.put("hasSettings", running.contains(info.id()) && !new SettingsSchemas(plugins).fieldsOf(info.id()).isEmpty());
            rows.add(row);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("plugins", rows);
        page.put("done", param(ctx, "done"));
        page.put("detail", param(ctx, "detail"));
        page.put("error", param(ctx, "error"));
        view.render(ctx, "plugins.ftlh", page);
    }

    private void install(Context ctx) throws IOException {
        UploadedFile file = ctx.uploadedFile("zip");
        if (file == null || file.size() == 0) {
            back(ctx, "error", "no-file", "");
            return;
        }
        if (file.size() > MAX_PLUGIN_BYTES) {
            back(ctx, "error", "too-large", "");
            return;
        }
        Path upload = Files.createTempFile("kontor-plugin-upload", ".zip");
        try {
            try (InputStream content = file.content()) {
                Files.copy(content, upload, StandardCopyOption.REPLACE_EXISTING);
            }
            PluginInfo info;
            try {
                info = plugins.install(upload);
            } catch (PluginOperationException | IllegalArgumentException e) {
                back(ctx, "error", "refused", e.getMessage());
                return;
            } catch (RuntimeException e) {
                back(ctx, "error", "refused", "The file is not a Kontor plugin zip.");
                return;
            }
            events.publish(new PluginStateChanged(info.id(), info.state() == org.kontor.host.plugins.PluginStatus.STARTED));
            back(ctx, "done", "installed", info.id());
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    private void change(Context ctx, boolean enable) {
        String id = known(ctx);
        try {
            if (enable) {
                plugins.enable(id);
            } else {
                plugins.disable(id);
            }
        } catch (PluginOperationException e) {
            back(ctx, "error", "refused", e.getMessage());
            return;
        }
        events.publish(new PluginStateChanged(id, enable));
        back(ctx, "done", enable ? "enabled" : "disabled", id);
    }

    private void save(Context ctx) {
        String id = running(ctx);
        List<SettingField> fields = new SettingsSchemas(plugins).fieldsOf(id);
        Map<String, String> typed = typed(ctx, fields);
        try {
            settings.save(id, fields, typed);
        } catch (SettingsValidationException e) {
            ctx.status(422);
            settingsPage(ctx, typed, e.fieldErrors(), null, false);
            return;
        }
        settingsPage(ctx, Map.of(), Map.of(), null, true);
    }

    private void test(Context ctx) {
        String id = running(ctx);
        List<SettingField> fields = new SettingsSchemas(plugins).fieldsOf(id);
        Map<String, String> typed = typed(ctx, fields);
        Settings saved = settings.settings(id, () -> fields);
        Settings candidate = key -> {
            String value = typed.get(key);
            boolean keepsSaved = value == null || value.isBlank() || value.equals(PluginSettingsService.SECRET_MARKER);
            return keepsSaved ? saved.get(key) : Optional.of(value.strip());
        };
        ConnectionTestResult result;
        try {
            result = plugins.of(SettingsSchema.class).stream()
                    .filter(contribution -> contribution.pluginId().equals(id))
                    .map(Contribution::extension)
                    .map(schema -> schema.testConnection(candidate))
                    .filter(ConnectionTestResult::offered)
                    .findFirst()
                    .orElse(ConnectionTestResult.notOffered());
        } catch (RuntimeException e) {
            result = ConnectionTestResult.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        settingsPage(ctx, typed, Map.of(), result, false);
    }

    /**
     * @param typed  values as typed (shown again after a refused save or a test), secrets excepted
     * @param errors each refused field's message
     */
    private void settingsPage(Context ctx, Map<String, String> typed, Map<String, String> errors,
                              ConnectionTestResult test, boolean saved) {
        String id = running(ctx);
        List<SettingField> fields = new SettingsSchemas(plugins).fieldsOf(id);
        Map<String, String> stored = settings.readView(id, fields);
        List<FieldView> views = new ArrayList<>();
        for (SettingField field : fields) {
            boolean secret = field.isSecret();
            String value = secret ? "" : typed.containsKey(field.key()) ? nullToEmpty(typed.get(field.key()))
                    : nullToEmpty(stored.get(field.key()));
            views.add(new FieldView(field.key(), field.type().name(), field.label(), nullToEmpty(field.help()),
                    field.required(), field.choices() == null ? List.of() : field.choices(), value,
                    secret && PluginSettingsService.SECRET_MARKER.equals(stored.get(field.key())),
                    nullToEmpty(errors.get(field.key()))));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("id", id);
        page.put("fields", views);
        page.put("saved", saved);
        page.put("invalid", !errors.isEmpty());
        page.put("test", test == null ? Map.of() : Map.of("offered", test.offered(), "succeeded", test.succeeded(),
                "message", nullToEmpty(test.message())));
        view.render(ctx, "plugin-settings.ftlh", page);
    }

    /** The form's values of the schema's fields; an empty secret keeps the saved one. */
    private static Map<String, String> typed(Context ctx, List<SettingField> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (SettingField field : fields) {
            String value = ctx.formParam("setting." + field.key());
            values.put(field.key(), value == null ? "" : value);
        }
        return values;
    }

    private String known(Context ctx) {
        String id = ctx.pathParam("id");
        if (plugins.find(id).isEmpty()) {
            throw ProblemException.notFound("There is no plugin '" + id + "'.");
        }
        return id;
    }

    private String running(Context ctx) {
        String id = known(ctx);
        if (!plugins.activePluginIds().contains(id)) {
            throw ProblemException.conflict("Plugin '" + id + "' is not running; enable it to change its settings.");
        }
        return id;
    }

    private static void back(Context ctx, String kind, String code, String detail) {
        String query = kind + "=" + code
                + (detail.isEmpty() ? "" : "&detail=" + URLEncoder.encode(detail, StandardCharsets.UTF_8));
        ctx.redirect("/admin/plugins?" + query, HttpStatus.SEE_OTHER);
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
