package org.kontor.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kontor.api.PluginApi;
import org.pf4j.DefaultVersionManager;
import org.pf4j.VersionManager;

/**
 * API 1.1.0 to 1.9.0 are additive minor versions: plugins written against 1.0 or 1.1 with the ranges the plugin
 * guide and the reactor use still load; ranges that name another major, or pin 1.0.x only, do not.
 */
class ApiRangeTest {

    private final VersionManager versions = new DefaultVersionManager();

    private boolean accepts(String requires) {
        return versions.checkVersionConstraint(PluginApi.version(), requires);
    }

    @Test
    void theHostProvidesApi180() {
        assertThat(PluginApi.version()).isEqualTo("1.9.0");
    }

    @Test
    void rangesOpenTowardsLater1xVersionsAreAccepted() {
        assertThat(accepts(">=1.0.0 & <2.0.0")).isTrue();
        assertThat(accepts(">=1.0.0")).isTrue();
        assertThat(accepts("^1.0.0")).isTrue();
        assertThat(accepts(">=1.1.0 & <2.0.0")).as("a plugin using the portfolio").isTrue();
        assertThat(accepts(">=1.2.0 & <2.0.0")).as("a plugin checking auth codes or offering aftermarket names").isTrue();
        assertThat(accepts(">=1.3.0 & <2.0.0")).as("a plugin checking VAT ids").isTrue();
        assertThat(accepts(">=1.4.0 & <2.0.0")).as("a plugin posting invoices").isTrue();
        assertThat(accepts(">=1.5.0 & <2.0.0")).as("a gateway reporting reversals").isTrue();
        assertThat(accepts(">=1.6.0 & <2.0.0")).as("an analytics provider naming its sources").isTrue();
        assertThat(accepts(">=1.7.0 & <2.0.0")).as("a risk check, a verifier or a provisioner").isTrue();
        assertThat(accepts(">=1.8.0 & <2.0.0")).as("a plugin preparing events ahead of its transaction").isTrue();
        assertThat(accepts(">=1.9.0 & <2.0.0")).as("a plugin publishing prepared events together").isTrue();
    }

    @Test
    void otherMajorsAndPinned10RangesAreRefused() {
        assertThat(accepts(">=2.0.0 & <3.0.0")).isFalse();
        assertThat(accepts(">=1.0.0 & <1.1.0")).isFalse();
        assertThat(accepts("~1.0.0")).isFalse();
        assertThat(accepts(">=1.10.0")).as("a later minor than the host provides").isFalse();
    }
}
