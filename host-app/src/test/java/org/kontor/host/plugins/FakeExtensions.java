package org.kontor.host.plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Extensions a test sets up by hand. */
public final class FakeExtensions implements Extensions {

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    public <T> FakeExtensions add(String pluginId, Class<T> extensionPoint, T extension) {
        entries.add(new Entry(pluginId, extensionPoint, extension));
        return this;
    }

    public void clear() {
        entries.clear();
    }

    @Override
    public <T> List<Contribution<T>> of(Class<T> extensionPoint) {
        List<Contribution<T>> found = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.point() == extensionPoint) {
                found.add(new Contribution<>(entry.pluginId(), extensionPoint.cast(entry.extension())));
            }
        }
        return found;
    }

    private record Entry(String pluginId, Class<?> point, Object extension) {
    }
}
