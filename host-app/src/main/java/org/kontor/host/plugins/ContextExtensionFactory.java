package org.kontor.host.plugins;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.kontor.api.PluginContext;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates each extension once, passing its plugin's {@link PluginContext} to a constructor that takes
 * one (or using the no-argument constructor). Instances are dropped (and closed, if they are
 * {@link AutoCloseable}) when their plugin stops, so a re-enabled plugin starts with fresh extensions.
 */
final class ContextExtensionFactory implements ExtensionFactory {

    private static final Logger log = LoggerFactory.getLogger(ContextExtensionFactory.class);

    private final Function<Class<?>, PluginContext> contextOf;
    private final Map<Class<?>, Object> instances = new ConcurrentHashMap<>();

    ContextExtensionFactory(Function<Class<?>, PluginContext> contextOf) {
        this.contextOf = contextOf;
    }

    @Override
    public <T> T create(Class<T> extensionClass) {
        return extensionClass.cast(instances.computeIfAbsent(extensionClass, this::instantiate));
    }

    /**
     * Forgets the extensions loaded by a plugin's class loader, closing those that are {@link AutoCloseable}
     * (a connection pool, a client) so a stopped plugin leaves nothing open.
     */
    void forget(ClassLoader pluginClassLoader) {
        for (Class<?> type : List.copyOf(instances.keySet())) {
            if (type.getClassLoader() != pluginClassLoader) {
                continue;
            }
            Object instance = instances.remove(type);
            if (instance instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.error("Extension {} failed to close", type.getName(), e);
                }
            }
        }
    }

    private Object instantiate(Class<?> type) {
        try {
            for (Constructor<?> constructor : type.getConstructors()) {
                Class<?>[] parameters = constructor.getParameterTypes();
                if (parameters.length == 1 && parameters[0] == PluginContext.class) {
                    return constructor.newInstance(contextOf.apply(type));
                }
            }
            return type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new PluginRuntimeException(e.getCause(), "extension {} failed in its constructor", type.getName());
        } catch (ReflectiveOperationException e) {
            throw new PluginRuntimeException(e,
                    "extension {} needs a public constructor taking PluginContext, or none", type.getName());
        }
    }
}
