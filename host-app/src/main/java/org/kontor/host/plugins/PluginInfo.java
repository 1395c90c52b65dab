package org.kontor.host.plugins;

import java.util.List;

/**
 * What the host knows of one plugin, as listed by {@code GET /api/v1/plugins}.
 *
 * @param requires     the plugin API range it declares, e.g. {@code >=1.0.0 & <2.0.0}
 * @param problem      why it is failed or incompatible, else null
 * @param dependencies the plugins it needs, as {@code id@range}
 */
public record PluginInfo(String id, String version, String description, String provider, String requires,
                         PluginStatus state, String problem, List<String> dependencies) {
}
