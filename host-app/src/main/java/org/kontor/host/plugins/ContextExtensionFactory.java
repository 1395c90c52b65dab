package org.kontor.host.plugins;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.kontor.api.PluginContext;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginRuntimeException;

/**
 * Creates each extension once, passing its plugin's {@link PluginContext} to a constructor that takes
 * one (or using the no-argument constructor). Instances are dropped when their plugin stops, so a
 * re-enabled plugin starts with fresh extensions.
 */
final class ContextExtensionFactory implements ExtensionFactory {

    private final Function<Class<?>, PluginContext> contextOf;
    private final Map<Class<?>, Object> instances = new ConcurrentHashMap<>();

    ContextExtensionFactory(Function<Class<?>, PluginContext> contextOf) {
        this.contextOf = contextOf;
    }

    @Override
    public <T> T create(Class<T> extensionClass) {
        return extensionClass.cast(instances.computeIfAbsent(extensionClass, this::instantiate));
    }

    /** Forgets the extensions loaded by a plugin's class loader. */
    void forget(ClassLoader pluginClassLoader) {
        instances.keySet().removeIf(type -> type.getClassLoader() == pluginClassLoader);
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
