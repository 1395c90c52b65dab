package org.kontor.host.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.kontor.api.web.RouteContributor;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.PluginHost;
import org.kontor.host.security.AccessControl;
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

    /**
     * @param modules host parts that register themselves: the theme layer, the storefront, the APIs
     */
    public HostWeb(ObjectMapper json, PluginHost plugins, AccessControl access, List<Consumer<JavalinConfig>> modules,
                   Map<String, HealthCheck> healthChecks, PrometheusMeterRegistry metrics,
                   Optional<String> metricsToken, ErrorPage errorPage) {
        this.json = json;
        this.plugins = plugins;
        this.access = access;
        this.modules = List.copyOf(modules);
        this.healthChecks = Map.copyOf(healthChecks);
        this.metrics = metrics;
        this.metricsToken = metricsToken;
        this.errorPage = errorPage;
    }

    /** A new application with the routes of the plugins running now; not started. */
    public Javalin build() {
        List<Contribution<RouteContributor>> contributors = plugins.of(RouteContributor.class);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.http.maxRequestSize = 1_000_000L;
            new ErrorResponses(json, errorPage).install(config);
            new RequestMetrics(metrics).install(config);
            access.install(config);
            modules.forEach(module -> module.accept(config));
            new HealthRoutes(healthChecks, plugins, metrics, metricsToken).register(config.routes);
            for (Contribution<RouteContributor> contribution : contributors) {
                addPluginRoutes(config, contribution);
            }
        });
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
