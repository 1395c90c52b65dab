package org.kontor.it;

import java.util.List;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;

/** A fixed set of extensions, as a host with those plugins started would offer them. */
final class StaticExtensions implements Extensions {

    private final List<Contribution<?>> contributions;

    StaticExtensions(List<Contribution<?>> contributions) {
        this.contributions = List.copyOf(contributions);
    }

    @Override
    public <T> List<Contribution<T>> of(Class<T> extensionPoint) {
        return contributions.stream()
                .filter(contribution -> extensionPoint.isInstance(contribution.extension()))
                .map(contribution -> new Contribution<>(contribution.pluginId(), extensionPoint.cast(contribution.extension())))
                .toList();
    }
}
