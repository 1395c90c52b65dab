package org.kontor.host.themes;

import io.javalin.Javalin;
import org.kontor.host.i18n.LocaleResolver;
import org.kontor.host.i18n.SupportedLanguages;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** A real Javalin on a random port wired exactly as the host wires themes, with a few demo routes. */
final class TestSite implements AutoCloseable {

    final AtomicReference<String> activeTheme;
    final FakePluginResources plugins;
    final ThemeWeb web;
    private final Javalin app;
    private final HttpClient client = HttpClient.newHttpClient();

    TestSite(Path themesFolder, String theme, FakePluginResources plugins) {
        this.activeTheme = new AtomicReference<>(theme);
        this.plugins = plugins;
        ThemeRegistry registry = new ThemeRegistry(themesFolder, TestSite.class.getClassLoader());
        ThemeEngine engine = new ThemeEngine(registry, plugins, activeTheme::get, Duration.ofSeconds(5));
        LocaleResolver locales = new LocaleResolver(SupportedLanguages.standard());
        this.web = new ThemeWeb(engine, locales, new ThemeRenderer(engine, locales),
                new AssetHandler(engine, Duration.ofHours(1)));
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            web.install(cfg);
            cfg.routes.get("/", ctx -> web.render(ctx, "index.ftlh", Map.of()));
            cfg.routes.get("/t/{name}", ctx -> ctx.render(ctx.pathParam("name") + ".ftlh",
                    Map.of("person", new Person(ctx.queryParamMap().containsKey("who") ? ctx.queryParam("who") : "Ada"))));
            cfg.routes.get("/balance", ctx -> {
                ctx.attribute(ThemeRenderer.PLUGIN_ATTRIBUTE, "prepaid-account");
                ctx.render("balance.ftlh", Map.of("amount", "12.50 EUR"));
            });
            cfg.routes.get("/missing", ctx -> web.renderError(ctx, 404));
        }).start(0);
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + pathAndQuery));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        app.stop();
    }
}
