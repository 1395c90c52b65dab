package org.kontor.host.plugins;

import java.util.List;

/**
 * The extensions of the plugins that run now. The answer changes when a plugin is enabled or disabled,
 * so ask each time rather than keeping the list.
 */
public interface Extensions {

    <T> List<Contribution<T>> of(Class<T> extensionPoint);
}
