package org.kontor.host.themes;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.core.TemplateClassResolver;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.Version;
import org.kontor.host.i18n.Messages;
import org.kontor.host.i18n.ResourceLayer;
import org.kontor.host.plugins.PluginResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Builds and caches one {@link ActiveTheme} per theme. Every configuration is sandboxed the same
 * way, because themes may come from third parties: no {@code ?new}, no {@code ?api}, no
 * {@code getClass()}, no static models, exceptions rethrown to the caller instead of printed.
 */
public final class ThemeEngine {

    static final Version FREEMARKER_VERSION = Configuration.VERSION_2_3_34;
    static final String FALLBACK_LANGUAGE = "en";
    private static final Logger LOG = LoggerFactory.getLogger(ThemeEngine.class);

    private final ThemeRegistry registry;
    private final PluginResources plugins;
    private final Supplier<String> activeThemeName;
    private final Duration templateUpdateDelay;
    private final Map<String, ActiveTheme> cache = new ConcurrentHashMap<>();
    private final Set<String> reportedUnknown = ConcurrentHashMap.newKeySet();

    /**
     * @param registry            installed themes
     * @param plugins             templates, messages and assets of the running plugins
     * @param activeThemeName     name of the theme to use now, asked on every request
     * @param templateUpdateDelay how long FreeMarker trusts a cached template before checking the file again
     */
    public ThemeEngine(ThemeRegistry registry, PluginResources plugins, Supplier<String> activeThemeName,
                       Duration templateUpdateDelay) {
        this.registry = registry;
        this.plugins = plugins;
        this.activeThemeName = activeThemeName;
        this.templateUpdateDelay = templateUpdateDelay;
    }

    /** The theme chosen by the operator, or the default theme when that name is not installed. */
    public ActiveTheme active() {
        String name = activeThemeName.get();
        if (name == null || registry.find(name).isEmpty()) {
            if (reportedUnknown.add(String.valueOf(name))) {
                LOG.warn("Active theme '{}' is not installed; using the default theme", name);
            }
            name = ThemeRegistry.DEFAULT_THEME;
        }
        return theme(name);
    }

    public ActiveTheme theme(String name) {
        return cache.computeIfAbsent(name, this::build);
    }

    /** Call after plugins were started or stopped: forgets cached templates and plugin messages. */
    public void pluginsChanged() {
        cache.values().forEach(theme -> {
            theme.configuration().clearTemplateCache();
            theme.messages().pluginsChanged();
        });
    }

    private ActiveTheme build(String name) {
        List<Theme> chain = registry.chain(name);
        ThemeLayers layers = new ThemeLayers(chain, plugins);
        List<ResourceLayer> overrides = chain.subList(0, chain.size() - 1).stream()
                .<ResourceLayer>map(Theme::files)
                .toList();
        Messages messages = new Messages(overrides, chain.get(chain.size() - 1).files(), plugins, FALLBACK_LANGUAGE);
        return new ActiveTheme(chain.get(0), layers, configuration(layers), messages);
    }

    private Configuration configuration(ThemeLayers layers) {
        Configuration cfg = new Configuration(FREEMARKER_VERSION);
        cfg.setTemplateLoader(new ThemeTemplateLoader(layers));
        cfg.setTemplateUpdateDelayMilliseconds(templateUpdateDelay.toMillis());
        cfg.setLocalizedLookup(false);
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setDefaultEncoding(StandardCharsets.UTF_8.name());
        cfg.setOutputEncoding(StandardCharsets.UTF_8.name());
        cfg.setURLEscapingCharset(StandardCharsets.UTF_8.name());
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setAttemptExceptionReporter((exception, environment) -> LOG.debug("Template #attempt failed", exception));
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(FREEMARKER_VERSION);
        wrapper.setMemberAccessPolicy(new SandboxMemberAccessPolicy(FREEMARKER_VERSION));
        wrapper.setExposeFields(false);
        cfg.setObjectWrapper(wrapper.build());
        return cfg;
    }
}
