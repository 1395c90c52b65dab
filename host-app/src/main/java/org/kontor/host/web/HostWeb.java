package org.kontor.host.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.kontor.api.web.RouteContributor;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.PluginHost;
import org.kontor.host.security.AccessControl;
import org.kontor.host.security.SecurityHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the host's Javalin application: error answers, access checks, metrics, the theme layer, the
 * host's own routes and the routes of every running plugin. Called at start and again after each
 * plugin change; {@link WebServer} swaps the result in.
 */
public final class HostWeb {

    private static final Logger log = LoggerFactory.getLogger(HostWeb.class);

    private final ObjectMapper json;
    private final PluginHost plugins;
    private final AccessControl access;
    private final List<Consumer<JavalinConfig>> modules;
    private final Map<String, HealthCheck> healthChecks;
    private final PrometheusMeterRegistry metrics;
    private final Optional<String> metricsToken;
    private final ErrorPage errorPage;
    private final JsonNode hostApi;
    private final SecurityHeaders securityHeaders;
    private final AtomicReference<Built> current = new AtomicReference<>();

    /** What the last {@link #build} registered and the API document assembled for it. */
    private record Built(List<RegisteredRoute> routes, OpenApiDocument openApi) {
    }

    /**
     * @param modules host parts that register themselves: the theme layer, the storefront, the APIs
     */
    public HostWeb(ObjectMapper json, PluginHost plugins, AccessControl access, List<Consumer<JavalinConfig>> modules,
                   Map<String, HealthCheck> healthChecks, PrometheusMeterRegistry metrics,
                   Optional<String> metricsToken, ErrorPage errorPage) {
        this(json, plugins, access, modules, healthChecks, metrics, metricsToken, errorPage, new SecurityHeaders());
    }

    /** @param securityHeaders the headers every answer carries, with the content security policy's extra sources */
    public HostWeb(ObjectMapper json, PluginHost plugins, AccessControl access, List<Consumer<JavalinConfig>> modules,
                   Map<String, HealthCheck> healthChecks, PrometheusMeterRegistry metrics,
                   Optional<String> metricsToken, ErrorPage errorPage, SecurityHeaders securityHeaders) {
        this.securityHeaders = securityHeaders;
        this.json = json;
        this.plugins = plugins;
        this.access = access;
        this.modules = List.copyOf(modules);
        this.healthChecks = Map.copyOf(healthChecks);
        this.metrics = metrics;
        this.metricsToken = metricsToken;
        this.errorPage = errorPage;
        this.hostApi = OpenApiDocument.hostPart(json);
    }

    /**
     * A new application with the routes of the plugins running now; not started. Its OpenAPI document (the
     * host's part and each running plugin's) is assembled here too, and served by the application.
     */
    public Javalin build() {
        List<Contribution<RouteContributor>> contributors = plugins.of(RouteContributor.class);
        RouteTable routes = new RouteTable();
        AtomicReference<OpenApiDocument> openApi = new AtomicReference<>();
        Javalin application = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.http.maxRequestSize = 1_000_000L;
            routes.install(config);
            securityHeaders.install(config);
            new RequestIds().install(config);
            new ErrorResponses(json, errorPage).install(config);
            new RequestMetrics(metrics).install(config);
            access.install(config);
            modules.forEach(module -> module.accept(config));
            new HealthRoutes(healthChecks, plugins, metrics, metricsToken).register(config.routes);
            new OpenApiRoutes(openApi::get).register(config.routes);
            for (Contribution<RouteContributor> contribution : contributors) {
                addPluginRoutes(config, contribution);
            }
        });
        List<RegisteredRoute> registered = routes.routes();
        OpenApiDocument document = OpenApiDocument.assemble(json, hostApi, pluginApiParts(), registered);
        OpenApiDocument.Coverage coverage = document.coverage(registered);
        if (!coverage.complete()) {
            log.warn("The API description and the routes differ: {}", coverage);
        }
        openApi.set(document);
        current.set(new Built(registered, document));
        return application;
    }

    /** The routes the last built application registered (empty before the first). */
    public List<RegisteredRoute> routes() {
        Built built = current.get();
        return built == null ? List.of() : built.routes();
    }

    /** The OpenAPI document of the last built application, if one was built. */
    public Optional<OpenApiDocument> openApi() {
        return Optional.ofNullable(current.get()).map(Built::openApi);
    }

    /** Each running plugin's part of the API description, {@code openapi/<plugin-id>.json} in the plugin. */
    private Map<String, JsonNode> pluginApiParts() {
        Map<String, JsonNode> parts = new LinkedHashMap<>();
        for (String pluginId : plugins.activePluginIds().stream().sorted().toList()) {
            try {
                OpenApiDocument.readPart(json, plugins.resource(pluginId, "openapi/" + pluginId + ".json"))
                        .ifPresent(part -> parts.put(pluginId, part));
            } catch (RuntimeException e) {
                log.error("Plugin '{}' ships an unreadable API description; its routes stay undocumented", pluginId, e);
            }
        }
        return parts;
    }

    private void addPluginRoutes(JavalinConfig config, Contribution<RouteContributor> contribution) {
        try {
            PluginRouteRegistrar registrar = new PluginRouteRegistrar(contribution.pluginId());
            contribution.extension().routes(registrar);
            registrar.applyTo(config.routes);
        } catch (RuntimeException e) {
            log.error("Plugin '{}' failed to declare its routes", contribution.pluginId(), e);
        }
    }
}
