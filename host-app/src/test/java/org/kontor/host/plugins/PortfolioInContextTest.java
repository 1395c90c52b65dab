package org.kontor.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.api.PluginContext;
import org.kontor.host.domains.DomainPrices;
import org.kontor.host.domains.HostPortfolio;
import org.kontor.host.provisioning.DomainOperationStore;
import org.kontor.host.provisioning.DomainOperations;
import org.kontor.host.provisioning.ProvisioningTargets;
import org.kontor.host.secrets.SecretBox;
import org.kontor.host.settings.PluginSettingsService;
import org.kontor.host.settings.SettingsSchemas;

/** API 1.1 adds {@code PluginContext.domainPortfolio()} as a default method: old contexts compile and offer none. */
class PortfolioInContextTest {

    @TempDir
    Path temp;

    @Test
    void theHostsContextOffersItsPortfolio() {
        Clock clock = Clock.systemUTC();
        DomainOperationStore store = new DomainOperationStore(null, clock);
        ProvisioningTargets targets = new ProvisioningTargets(new FakeExtensions());
        HostPortfolio portfolio = new HostPortfolio(store.domains(), new DomainPrices(null, clock),
                new DomainOperations(store, targets), targets, HostPortfolio.TerminatePolicy.EXPIRE, clock);
        HostServices services = new HostServices(clock, null, null, null, null, null, temp, portfolio);
        SecretBox secrets = SecretBox.withKey(SecretBox.newKey(new SecureRandom()));
        PluginContext context = new HostPluginContexts(services, new PluginSettingsService(null, secrets, clock),
                new SettingsSchemas(new FakeExtensions())).create("prepaid-account", "1.0.0");

        assertThat(context.domainPortfolio()).containsSame(portfolio);
    }

    @Test
    void aContextWrittenForApi10OffersNone() {
        PluginContext old = new UnusedPluginContext("greeter", "1.2.0");

        assertThat(old.domainPortfolio()).isEmpty();
    }

    @Test
    void aHostWithoutPortfolioOffersNone() {
        HostServices services = new HostServices(Clock.systemUTC(), null, null, null, null, null, temp);
        assertThat(services.portfolio()).isNull();
    }
}
