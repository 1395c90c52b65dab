package org.kontor.host.settings;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kontor.api.settings.ConnectionTestResult;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.Settings;
import org.kontor.api.settings.SettingsSchema;
import org.kontor.api.web.Access;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;
import org.kontor.host.plugins.PluginHost;
import org.kontor.host.web.ProblemException;

/**
 * The operator's API for a plugin's settings: the form (fields and current values, secrets masked),
 * saving with validation of every field at once, and the plugin's "test connection" action run against
 * the values as typed, before they are saved.
 */
public final class SettingsApi {

    private final PluginHost plugins;
    private final Extensions extensions;
    private final PluginSettingsService settings;

    public SettingsApi(PluginHost plugins, PluginSettingsService settings) {
        this.plugins = plugins;
        this.extensions = plugins;
        this.settings = settings;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/plugins/{id}/settings", this::show, Access.ADMIN);
        routes.put("/api/v1/plugins/{id}/settings", this::save, Access.ADMIN);
        routes.post("/api/v1/plugins/{id}/settings/test", this::test, Access.ADMIN);
    }

    /** One field as the admin form shows it. */
    public record FieldView(String key, String type, String label, String help, boolean required,
                            String defaultValue, List<String> choices, String value) {
    }

    private void show(Context ctx) {
        String id = runningPlugin(ctx);
        List<SettingField> fields = new SettingsSchemas(extensions).fieldsOf(id);
        Map<String, String> values = settings.readView(id, fields);
        ctx.json(fields.stream().map(field -> new FieldView(field.key(), field.type().name(), field.label(),
                field.help(), field.required(), field.isSecret() ? null : field.defaultValue(), field.choices(),
                values.get(field.key()))).toList());
    }

    private void save(Context ctx) {
        String id = runningPlugin(ctx);
        Map<String, String> raw = form(ctx);
        try {
            settings.save(id, new SettingsSchemas(extensions).fieldsOf(id), raw);
        } catch (SettingsValidationException e) {
            throw ProblemException.validation("Some settings of '" + id + "' are invalid.", e.fieldErrors());
        }
        show(ctx);
    }

    private void test(Context ctx) {
        String id = runningPlugin(ctx);
        Map<String, String> typed = form(ctx);
        Settings saved = settings.settings(id, () -> new SettingsSchemas(extensions).fieldsOf(id));
        Settings candidate = key -> {
            String value = typed.get(key);
            boolean keepsSaved = value == null || value.isBlank() || value.equals(PluginSettingsService.SECRET_MARKER);
            return keepsSaved ? saved.get(key) : Optional.of(value.strip());
        };
        ConnectionTestResult result = extensions.of(SettingsSchema.class).stream()
                .filter(contribution -> contribution.pluginId().equals(id))
                .map(Contribution::extension)
                .map(schema -> schema.testConnection(candidate))
                .filter(ConnectionTestResult::offered)
                .findFirst()
                .orElse(ConnectionTestResult.notOffered());
        ctx.json(result);
    }

    private String runningPlugin(Context ctx) {
        String id = ctx.pathParam("id");
        if (plugins.find(id).isEmpty()) {
            throw ProblemException.notFound("There is no plugin '" + id + "'.");
        }
        if (!plugins.activePluginIds().contains(id)) {
            throw ProblemException.conflict("Plugin '" + id + "' is not running; enable it to change its settings.");
        }
        return id;
    }

    private static Map<String, String> form(Context ctx) {
        Map<?, ?> body;
        try {
            body = ctx.bodyAsClass(Map.class);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("The body must be a JSON object of setting keys to text values.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        body.forEach((key, value) -> values.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        return values;
    }
}
