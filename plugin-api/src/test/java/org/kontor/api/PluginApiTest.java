package org.kontor.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluginApiTest {

    @Test
    void versionIsFilteredFromTheBuild() {
        assertThat(PluginApi.version()).isEqualTo("1.9.0");
    }
}
