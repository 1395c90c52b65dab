package org.kontor.host.plugins;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kontor.api.PluginContext;
import org.pf4j.BasePluginLoader;
import org.pf4j.CompoundPluginDescriptorFinder;
import org.pf4j.DefaultPluginClasspath;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DefaultPluginRepository;
import org.pf4j.DevelopmentPluginClasspath;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;
import org.pf4j.PropertiesPluginDescriptorFinder;
import org.pf4j.RuntimeMode;

/**
 * pf4j configured for Kontor: plugin zips or reactor modules, host-first class loading of the API,
 * extensions built with their {@link PluginContext}, enabled state from the database, and a readable
 * reason for every plugin refused for its API range.
 *
 * <p>pf4j calls the {@code create*} methods from its own constructor, before this class's fields are
 * set (and pf4j's compound loaders decide at that moment), so each of them returns an object that reads
 * the fields only when it is used.
 */
final class KontorPluginManager extends DefaultPluginManager {

    private final RuntimeMode mode;
    private final PluginStates states;
    private final PluginContexts contexts;
    private final Map<String, String> refusals = new ConcurrentHashMap<>();

    /** Gives an extension class its plugin's context. */
    interface PluginContexts {
        PluginContext contextOf(Class<?> extensionClass);
    }

    KontorPluginManager(PluginHostSettings settings, PluginStates states, PluginContexts contexts) {
        super(settings.root());
        this.mode = settings.development() ? RuntimeMode.DEVELOPMENT : RuntimeMode.DEPLOYMENT;
        this.states = states;
        this.contexts = contexts;
        setSystemVersion(settings.apiVersion());
    }

    /** Why a plugin was refused for its API range, if it was. */
    String refusal(String pluginId) {
        return refusals.get(pluginId);
    }

    ContextExtensionFactory contextExtensionFactory() {
        return (ContextExtensionFactory) getExtensionFactory();
    }

    @Override
    public RuntimeMode getRuntimeMode() {
        return mode == null ? RuntimeMode.DEPLOYMENT : mode;
    }

    @Override
    protected PluginRepository createPluginRepository() {
        PluginRepository reactor = new ReactorPluginRepository(getPluginsRoot());
        PluginRepository zips = new DefaultPluginRepository(getPluginsRoots());
        return new PluginRepository() {
            @Override
            public List<Path> getPluginPaths() {
                return (isDevelopment() ? reactor : zips).getPluginPaths();
            }

            @Override
            public boolean deletePluginPath(Path pluginPath) {
                return (isDevelopment() ? reactor : zips).deletePluginPath(pluginPath);
            }
        };
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new CompoundPluginDescriptorFinder()
                .add(new PropertiesPluginDescriptorFinder())
                .add(new PropertiesPluginDescriptorFinder(ReactorPluginRepository.DESCRIPTOR));
    }

    @Override
    protected PluginLoader createPluginLoader() {
        PluginLoader modules = new HostFirstLoader(this, new DevelopmentPluginClasspath());
        PluginLoader unpackedZips = new HostFirstLoader(this, new DefaultPluginClasspath());
        return new PluginLoader() {
            @Override
            public boolean isApplicable(Path pluginPath) {
                return (isDevelopment() ? modules : unpackedZips).isApplicable(pluginPath);
            }

            @Override
            public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor descriptor) {
                return (isDevelopment() ? modules : unpackedZips).loadPlugin(pluginPath, descriptor);
            }
        };
    }

    @Override
    protected ExtensionFactory createExtensionFactory() {
        return new ContextExtensionFactory(type -> contexts.contextOf(type));
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        return new PluginStatusProvider() {
            @Override
            public boolean isPluginDisabled(String pluginId) {
                return !states.enabled(pluginId).orElse(true);
            }

            @Override
            public void disablePlugin(String pluginId) {
                states.set(pluginId, false);
            }

            @Override
            public void enablePlugin(String pluginId) {
                states.set(pluginId, true);
            }
        };
    }

    @Override
    protected boolean isPluginValid(PluginWrapper plugin) {
        boolean valid = super.isPluginValid(plugin);
        String id = plugin.getPluginId();
        if (valid) {
            refusals.remove(id);
        } else {
            refusals.put(id, "requires plugin API %s, but this host provides %s"
                    .formatted(plugin.getDescriptor().getRequires(), getSystemVersion()));
        }
        return valid;
    }

    /** Loads classes from a plugin folder through a {@link HostFirstPluginClassLoader}. */
    private static final class HostFirstLoader extends BasePluginLoader {

        HostFirstLoader(KontorPluginManager manager, org.pf4j.PluginClasspath classpath) {
            super(manager, classpath);
        }

        @Override
        public boolean isApplicable(Path pluginPath) {
            return super.isApplicable(pluginPath) && pluginPath.toFile().isDirectory();
        }

        @Override
        protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
            return new HostFirstPluginClassLoader(pluginManager, descriptor, getClass().getClassLoader());
        }
    }
}
