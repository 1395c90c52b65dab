package org.kontor.host.plugins;

import java.util.List;
import java.util.Objects;

/**
 * The running extensions, for services built before the plugin host that provides them: the plugin
 * host needs plugin contexts, and contexts (settings, event delivery) need the running extensions.
 * Asking before {@link #bind} is a wiring error.
 */
public final class DeferredExtensions implements Extensions {

    private volatile Extensions delegate;

    public void bind(Extensions extensions) {
        this.delegate = Objects.requireNonNull(extensions, "extensions");
    }

    @Override
    public <T> List<Contribution<T>> of(Class<T> extensionPoint) {
        Extensions current = delegate;
        if (current == null) {
            throw new IllegalStateException("the plugin host is not bound yet");
        }
        return current.of(extensionPoint);
    }
}
