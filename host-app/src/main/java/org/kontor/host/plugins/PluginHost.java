package org.kontor.host.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.kontor.api.PluginContext;
import org.kontor.api.lifecycle.PluginService;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins of this host: loads them, runs their migrations, starts them and their services, and
 * enables or disables them while the host runs. A plugin that fails (in its start, its migrations, a
 * service's start or an extension's constructor) is marked failed and the others run on.
 *
 * <p>Readers ({@link #of}, {@link #resource}) and changes (enable, disable) are guarded by one
 * read-write lock, because pf4j's own lists are not safe to read during a change.
 */
public final class PluginHost implements Extensions, PluginResources, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final PluginHostSettings settings;
    private final KontorPluginManager manager;
    private final PluginContextFactory contextFactory;
    private final PluginMigrator migrator;
    private final Map<String, PluginContext> contexts = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final Map<String, List<PluginService>> services = new ConcurrentHashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    public PluginHost(PluginHostSettings settings, PluginStates states, PluginContextFactory contextFactory,
                      PluginMigrator migrator) {
        this.settings = settings;
        this.contextFactory = contextFactory;
        this.migrator = migrator;
        this.manager = new KontorPluginManager(settings, states, this::contextOf);
    }

    /** Loads every plugin found and starts those that are enabled and compatible. */
    public void start() {
        write(() -> {
            manager.loadPlugins();
            for (PluginWrapper plugin : List.copyOf(manager.getResolvedPlugins())) {
                if (plugin.getPluginState() != PluginState.DISABLED) {
                    migrateAndStart(plugin);
                }
            }
            return null;
        });
        log.info("Plugins: {}", list().stream().map(info -> info.id() + "@" + info.version() + " " + info.state())
                .toList());
    }

    /** Runs after every enable or disable, e.g. to rebuild the web layer. */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    public List<PluginInfo> list() {
        return read(() -> manager.getPlugins().stream().map(this::describe).toList());
    }

    public Optional<PluginInfo> find(String pluginId) {
        return read(() -> Optional.ofNullable(manager.getPlugin(pluginId)).map(this::describe));
    }

    /**
     * Enables a disabled (or failed) plugin and starts it.
     *
     * @throws PluginOperationException when the plugin is unknown, incompatible, or fails to start
     */
    public PluginInfo enable(String pluginId) {
        PluginInfo info = write(() -> {
            PluginWrapper plugin = require(pluginId);
            if (manager.refusal(pluginId) != null) {
                throw new PluginOperationException(pluginId, "Plugin '%s' cannot be enabled: it %s."
                        .formatted(pluginId, manager.refusal(pluginId)));
            }
            if (plugin.getPluginState() == PluginState.STARTED) {
                return describe(plugin);
            }
            if (plugin.getPluginState() == PluginState.DISABLED && !manager.enablePlugin(pluginId)) {
                throw new PluginOperationException(pluginId, "Plugin '%s' cannot be enabled.".formatted(pluginId));
            }
            problems.remove(pluginId);
            migrateAndStart(plugin);
            return describe(plugin);
        });
        fireChange();
        if (info.state() != PluginStatus.STARTED) {
            throw new PluginOperationException(pluginId, "Plugin '%s' was enabled but did not start: %s"
                    .formatted(pluginId, info.problem()));
        }
        return info;
    }

    /**
     * Stops a plugin and keeps it off across restarts; its routes, templates, jobs and listeners go.
     *
     * @throws PluginOperationException when the plugin is unknown
     */
    public PluginInfo disable(String pluginId) {
        PluginInfo info = write(() -> {
            PluginWrapper plugin = require(pluginId);
            if (plugin.getPluginState() != PluginState.DISABLED) {
                stopServices(pluginId);
                manager.disablePlugin(pluginId);
                manager.contextExtensionFactory().forget(plugin.getPluginClassLoader());
            }
            return describe(plugin);
        });
        fireChange();
        return info;
    }

    /**
     * Installs a plugin zip while the host runs, or replaces the installed version of the same plugin:
     * checks it, copies it into the plugins folder, runs its migrations and starts it (unless the operator
     * disabled it). A zip that is not a plugin, or that needs another plugin API, is refused and the
     * installed version keeps running.
     *
     * @throws PluginOperationException with the reason the zip was refused
     */
    public PluginInfo install(Path uploadedZip) {
        PluginZip zip = PluginZip.read(uploadedZip);
        if (settings.development()) {
            throw new PluginOperationException(zip.id(), "Plugins cannot be installed in development mode; "
                    + "build the module instead.");
        }
        if (!manager.getVersionManager().checkVersionConstraint(settings.apiVersion(), zip.requires())) {
            throw new PluginOperationException(zip.id(), "Plugin '%s' %s requires plugin API %s, but this host provides %s."
                    .formatted(zip.id(), zip.version(), zip.requires(), settings.apiVersion()));
        }
        PluginInfo info = write(() -> {
            PluginWrapper installed = manager.getPlugin(zip.id());
            if (installed != null) {
                remove(installed);
            }
            Path target = settings.root().resolve(zip.id() + "-" + zip.version() + ".zip");
            copy(uploadedZip, target);
            manager.loadPlugin(target);
            PluginWrapper plugin = manager.getPlugin(zip.id());
            if (plugin.getPluginState() != PluginState.DISABLED) {
                migrateAndStart(plugin);
            }
            return describe(plugin);
        });
        log.info("Installed plugin '{}' {} ({})", info.id(), info.version(), info.state());
        fireChange();
        return info;
    }

    @Override
    public <T> List<Contribution<T>> of(Class<T> extensionPoint) {
        List<Contribution<T>> contributions = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        read(() -> {
            for (PluginWrapper plugin : manager.getStartedPlugins()) {
                String id = plugin.getPluginId();
                try {
                    for (Class<? extends T> type : distinct(manager.getExtensionClasses(extensionPoint, id))) {
                        contributions.add(new Contribution<>(id, manager.getExtensionFactory().create(type)));
                    }
                } catch (PluginRuntimeException | LinkageError e) {
                    log.error("Plugin '{}' failed to create its {} extension", id, extensionPoint.getSimpleName(), e);
                    problems.put(id, "an extension failed: " + rootMessage(e));
                    failed.add(id);
                }
            }
            return null;
        });
        failed.forEach(this::markFailed);
        return failed.isEmpty() ? contributions : of(extensionPoint);
    }

    @Override
    public List<String> activePluginIds() {
        return read(() -> manager.getStartedPlugins().stream().map(PluginWrapper::getPluginId).toList());
    }

    @Override
    public Optional<URL> resource(String pluginId, String path) {
        return read(() -> {
            PluginWrapper plugin = manager.getPlugin(pluginId);
            if (plugin == null || plugin.getPluginState() != PluginState.STARTED
                    || !(plugin.getPluginClassLoader() instanceof PluginClassLoader loader)) {
                return Optional.empty();
            }
            return Optional.ofNullable(loader.findResource(path));
        });
    }

    /** The class loader of a started plugin, for its migrations and resources. */
    public Optional<ClassLoader> classLoader(String pluginId) {
        return read(() -> Optional.ofNullable(manager.getPlugin(pluginId))
                .filter(plugin -> plugin.getPluginState() == PluginState.STARTED)
                .map(PluginWrapper::getPluginClassLoader));
    }

    @Override
    public void close() {
        write(() -> {
            // pf4j's stopPlugins() modifies the list it iterates; stop them one by one, last started first.
            List<String> started = new ArrayList<>(manager.getStartedPlugins().stream().map(PluginWrapper::getPluginId).toList());
            java.util.Collections.reverse(started);
            started.forEach(this::stopServices);
            started.forEach(id -> manager.contextExtensionFactory().forget(manager.getPlugin(id).getPluginClassLoader()));
            started.forEach(manager::stopPlugin);
            manager.unloadPlugins();
            return null;
        });
    }

    private void remove(PluginWrapper plugin) {
        stopServices(plugin.getPluginId());
        Path path = plugin.getPluginPath();
        manager.contextExtensionFactory().forget(plugin.getPluginClassLoader());
        manager.unloadPlugin(plugin.getPluginId());
        contexts.remove(plugin.getPluginId());
        problems.remove(plugin.getPluginId());
        deleteTree(path);
        deleteTree(path.resolveSibling(path.getFileName() + ".zip"));
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the plugin to " + to, e);
        }
    }

    private static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the old plugin files at " + path, e);
        }
    }

    private void migrateAndStart(PluginWrapper plugin) {
        String id = plugin.getPluginId();
        try {
            migrator.migrate(id, plugin.getPluginClassLoader());
        } catch (RuntimeException e) {
            log.error("Plugin '{}' was not started: its migrations failed", id, e);
            problems.put(id, "migrations failed: " + rootMessage(e));
            plugin.setFailedException(e);
            plugin.setPluginState(PluginState.FAILED);
            return;
        }
        PluginState state = manager.startPlugin(id);
        if (state == PluginState.FAILED && plugin.getFailedException() != null) {
            problems.put(id, "start failed: " + rootMessage(plugin.getFailedException()));
            return;
        }
        if (state == PluginState.STARTED) {
            startServices(plugin);
        }
    }

    private void startServices(PluginWrapper plugin) {
        String id = plugin.getPluginId();
        List<PluginService> started = new ArrayList<>();
        try {
            for (Class<? extends PluginService> type : distinct(manager.getExtensionClasses(PluginService.class, id))) {
                PluginService service = manager.getExtensionFactory().create(type);
                service.start();
                started.add(service);
            }
            services.put(id, started);
        } catch (Exception | LinkageError e) {
            log.error("Plugin '{}' was stopped: one of its services failed to start", id, e);
            started.forEach(service -> stopQuietly(id, service));
            problems.put(id, "a service failed to start: " + rootMessage(e));
            manager.stopPlugin(id);
            manager.contextExtensionFactory().forget(plugin.getPluginClassLoader());
            plugin.setFailedException(e);
            plugin.setPluginState(PluginState.FAILED);
        }
    }

    private void stopServices(String pluginId) {
        List<PluginService> running = services.remove(pluginId);
        if (running != null) {
            for (int i = running.size() - 1; i >= 0; i--) {
                stopQuietly(pluginId, running.get(i));
            }
        }
    }

    private static void stopQuietly(String pluginId, PluginService service) {
        try {
            service.stop();
        } catch (RuntimeException e) {
            log.error("A service of plugin '{}' failed to stop", pluginId, e);
        }
    }

    private void markFailed(String pluginId) {
        write(() -> {
            PluginWrapper plugin = manager.getPlugin(pluginId);
            if (plugin != null && plugin.getPluginState() == PluginState.STARTED) {
                stopServices(pluginId);
                manager.stopPlugin(pluginId);
                manager.contextExtensionFactory().forget(plugin.getPluginClassLoader());
                plugin.setPluginState(PluginState.FAILED);
            }
            return null;
        });
        fireChange();
    }

    private PluginContext contextOf(Class<?> extensionClass) {
        PluginWrapper plugin = manager.whichPlugin(extensionClass);
        if (plugin == null) {
            throw new IllegalStateException(extensionClass.getName() + " belongs to no plugin");
        }
        PluginDescriptor descriptor = plugin.getDescriptor();
        return contexts.computeIfAbsent(descriptor.getPluginId(),
                id -> contextFactory.create(id, descriptor.getVersion()));
    }

    private PluginInfo describe(PluginWrapper plugin) {
        PluginDescriptor descriptor = plugin.getDescriptor();
        String id = descriptor.getPluginId();
        String refusal = manager.refusal(id);
        PluginStatus status;
        String problem = null;
        if (refusal != null) {
            status = PluginStatus.INCOMPATIBLE;
            problem = refusal;
        } else {
            status = switch (plugin.getPluginState()) {
                case STARTED -> PluginStatus.STARTED;
                case DISABLED -> PluginStatus.DISABLED;
                case FAILED -> PluginStatus.FAILED;
                default -> PluginStatus.STOPPED;
            };
            if (status == PluginStatus.FAILED) {
                problem = problems.getOrDefault(id, plugin.getFailedException() == null
                        ? "failed" : rootMessage(plugin.getFailedException()));
            }
        }
        List<String> dependencies = descriptor.getDependencies().stream().map(PluginHost::dependency).toList();
        return new PluginInfo(id, descriptor.getVersion(), descriptor.getPluginDescription(), descriptor.getProvider(),
                descriptor.getRequires(), status, problem, dependencies);
    }

    private static String dependency(PluginDependency dependency) {
        return dependency.getPluginId() + "@" + dependency.getPluginVersionSupport()
                + (dependency.isOptional() ? " (optional)" : "");
    }

    private PluginWrapper require(String pluginId) {
        PluginWrapper plugin = manager.getPlugin(pluginId);
        if (plugin == null) {
            throw new PluginOperationException(pluginId, "There is no plugin '%s'.".formatted(pluginId));
        }
        return plugin;
    }

    private void fireChange() {
        for (Runnable listener : changeListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.error("A plugin change listener failed", e);
            }
        }
    }

    /** An extension class that implements two extension points is listed twice in the plugin's index. */
    private static <T> List<T> distinct(List<T> classes) {
        return List.copyOf(new java.util.LinkedHashSet<>(classes));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
