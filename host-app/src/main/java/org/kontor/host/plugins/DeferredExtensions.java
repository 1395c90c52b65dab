package org.kontor.host.plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Objects;

/**
 * The running extensions, for services built before the plugin host that provides them: the plugin
 * host needs plugin contexts, and contexts (settings, event delivery) need the running extensions.
 * Asking before {@link #bind} is a wiring error. The host's own parts may add extensions of their own (billing listens
 * to the prepaid account's events like any plugin would): they come after the plugins', under the plugin id
 * {@value #HOST}.
 */
public final class DeferredExtensions implements Extensions {

    /** The plugin id the host's own extensions are contributed under. */
    public static final String HOST = "host";

    private volatile Extensions delegate;
    private final List<Contribution<?>> hostExtensions = new CopyOnWriteArrayList<>();

    /** Adds one of the host's own extensions of an extension point. */
    public <T> void addHostExtension(Class<T> extensionPoint, T extension) {
        hostExtensions.add(new Contribution<>(HOST, extensionPoint.cast(extension)));
    }

    public void bind(Extensions extensions) {
        this.delegate = Objects.requireNonNull(extensions, "extensions");
    }

    @Override
    public <T> List<Contribution<T>> of(Class<T> extensionPoint) {
        Extensions current = delegate;
        if (current == null) {
            throw new IllegalStateException("the plugin host is not bound yet");
        }
        List<Contribution<T>> contributions = current.of(extensionPoint);
        if (hostExtensions.isEmpty()) {
            return contributions;
        }
        List<Contribution<T>> all = new ArrayList<>(contributions);
        for (Contribution<?> contribution : hostExtensions) {
            if (extensionPoint.isInstance(contribution.extension())) {
                all.add(new Contribution<>(HOST, extensionPoint.cast(contribution.extension())));
            }
        }
        return all;
    }
}
