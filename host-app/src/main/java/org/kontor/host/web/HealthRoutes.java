package org.kontor.host.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kontor.api.web.Access;
import org.kontor.host.plugins.PluginHost;
import org.kontor.host.plugins.PluginInfo;
import org.kontor.host.plugins.PluginStatus;

/**
 * {@code /health} for load balancers (200 when the database answers, 503 when not) and {@code /metrics}
 * in Prometheus' text format, optionally behind a bearer token.
 */
final class HealthRoutes {

    private final Map<String, HealthCheck> checks;
    private final PluginHost plugins;
    private final PrometheusMeterRegistry metrics;
    private final Optional<String> metricsToken;

    HealthRoutes(Map<String, HealthCheck> checks, PluginHost plugins, PrometheusMeterRegistry metrics,
                 Optional<String> metricsToken) {
        this.checks = Map.copyOf(checks);
        this.plugins = plugins;
        this.metrics = metrics;
        this.metricsToken = metricsToken;
    }

    void register(RoutesConfig routes) {
        routes.get("/health", this::health, Access.PUBLIC);
        routes.get("/metrics", this::metrics, Access.PUBLIC);
    }

    private void health(Context ctx) {
        Map<String, String> results = new LinkedHashMap<>();
        boolean up = true;
        for (Map.Entry<String, HealthCheck> check : checks.entrySet()) {
            try {
                check.getValue().check();
                results.put(check.getKey(), "UP");
            } catch (Exception e) {
                results.put(check.getKey(), "DOWN");
                up = false;
            }
        }
        List<PluginInfo> all = plugins.list();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", results);
        body.put("plugins", Map.of(
                "started", all.stream().filter(info -> info.state() == PluginStatus.STARTED).count(),
                "failed", all.stream().filter(info -> info.state() == PluginStatus.FAILED).count(),
                "total", all.size()));
        ctx.status(up ? 200 : 503).json(body);
    }

    private void metrics(Context ctx) {
        if (metricsToken.isPresent() && !tokenMatches(ctx.header("Authorization"), metricsToken.get())) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ProblemException(Problem.of(401, "unauthorized", "Unauthorized", "/metrics needs its bearer token."));
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    private static boolean tokenMatches(String header, String expected) {
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7) : "";
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
