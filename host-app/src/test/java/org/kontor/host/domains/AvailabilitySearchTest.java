package org.kontor.host.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.InvalidDomainNameException;
import org.kontor.api.domain.Tld;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.host.domains.NameAvailability.Status;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;

class AvailabilitySearchTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void asksEachRegistryOnceWithTheNamesOfItsTlds() {
        FakeRegistry dk = FakeRegistry.answering("dk", "dk");
        FakeRegistry gtld = FakeRegistry.answering("gtld", "com", "net");

        List<NameAvailability> result = search(Duration.ofSeconds(2), dk, gtld).search("example", tlds("com", "dk", "net"));

        assertThat(dk.checks).containsExactly(List.of(name("example.dk")));
        assertThat(gtld.checks).containsExactly(List.of(name("example.com"), name("example.net")));
        assertThat(result).extracting(NameAvailability::name)
                .containsExactly(name("example.com"), name("example.dk"), name("example.net"));
        assertThat(result).extracting(NameAvailability::status).containsOnly(Status.AVAILABLE);
    }

    @Test
    void aTakenNameCarriesTheRegistrysReason() {
        List<NameAvailability> result = search(Duration.ofSeconds(2), FakeRegistry.answering("dk", "dk"))
                .search("taken", tlds("dk"));

        assertThat(result).containsExactly(new NameAvailability(name("taken.dk"), Status.TAKEN, "In use"));
    }

    @Test
    void theFirstRegistryLoadedServesATldTwoRegistriesOffer() {
        FakeRegistry first = FakeRegistry.answering("first", "dk");
        FakeRegistry second = FakeRegistry.answering("second", "dk");

        search(Duration.ofSeconds(2), first, second).search("example", tlds("dk"));

        assertThat(first.checks).hasSize(1);
        assertThat(second.checks).isEmpty();
    }

    @Test
    void asksTheRegistriesAtTheSameTime() {
        AvailabilitySearch search = search(Duration.ofSeconds(2),
                FakeRegistry.sleeping("a", 100, "dk"), FakeRegistry.sleeping("b", 100, "se"));

        long start = System.nanoTime();
        List<NameAvailability> result = search.search("example", tlds("dk", "se"));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result).extracting(NameAvailability::status).containsOnly(Status.AVAILABLE);
        assertThat(millis).isGreaterThanOrEqualTo(100).isLessThan(170);
    }

    @Test
    void aFailingRegistryLeavesOnlyItsOwnNamesUnknown() {
        List<NameAvailability> result = search(Duration.ofSeconds(2),
                FakeRegistry.failing("broken", "se", "no"), FakeRegistry.answering("dk", "dk"))
                .search("example", tlds("se", "dk", "no"));

        assertThat(result).extracting(NameAvailability::status)
                .containsExactly(Status.UNKNOWN, Status.AVAILABLE, Status.UNKNOWN);
        assertThat(result.get(0).reason()).contains("broken").contains("connection refused");
    }

    @Test
    void aSlowRegistryIsUnknownAfterTheTimeoutWhileTheOthersAnswer() {
        AvailabilitySearch search = search(Duration.ofMillis(150),
                FakeRegistry.sleeping("slow", 2_000, "se"), FakeRegistry.sleeping("quick", 20, "dk"));

        long start = System.nanoTime();
        List<NameAvailability> result = search.search("example", tlds("se", "dk"));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).isGreaterThanOrEqualTo(150).isLessThan(400);
        assertThat(result.get(0).status()).isEqualTo(Status.UNKNOWN);
        assertThat(result.get(0).reason()).contains("slow").contains("in time");
        assertThat(result.get(1)).isEqualTo(new NameAvailability(name("example.dk"), Status.AVAILABLE, null));
    }

    @Test
    void aTldWithoutARegistryIsUnknown() {
        List<NameAvailability> result = search(Duration.ofSeconds(2), FakeRegistry.answering("dk", "dk"))
                .search("example", tlds("dk", "de"));

        assertThat(result.get(1).status()).isEqualTo(Status.UNKNOWN);
        assertThat(result.get(1).reason()).isEqualTo("no registry serves .de");
        assertThat(result.get(0).status()).isEqualTo(Status.AVAILABLE);
    }

    @Test
    void aRegistryLeavingANameOutOfItsAnswerLeavesItUnknown() {
        FakeRegistry partial = new FakeRegistry("partial", java.util.Set.of(Tld.of("dk"), Tld.of("se")),
                names -> List.of(org.kontor.api.registry.DomainAvailability.available(names.get(0))));

        List<NameAvailability> result = search(Duration.ofSeconds(2), partial).search("example", tlds("dk", "se"));

        assertThat(result).extracting(NameAvailability::status).containsExactly(Status.AVAILABLE, Status.UNKNOWN);
    }

    @Test
    void anIdnLabelIsSentInItsALabelForm() {
        FakeRegistry dk = FakeRegistry.answering("dk", "dk");

        List<NameAvailability> result = search(Duration.ofSeconds(2), dk).search("ÆØÅ", tlds("dk"));

        assertThat(dk.checks.get(0)).extracting(DomainName::ascii).containsExactly("xn--5cab8c.dk");
        assertThat(result.get(0).name().unicode()).isEqualTo("æøå.dk");
    }

    @Test
    void anInvalidLabelIsRefusedBeforeAnyRegistryIsAsked() {
        FakeRegistry dk = FakeRegistry.answering("dk", "dk");

        assertThatThrownBy(() -> search(Duration.ofSeconds(2), dk).search("-bad", tlds("dk")))
                .isInstanceOf(InvalidDomainNameException.class);
        assertThat(dk.checks).isEmpty();
    }

    private AvailabilitySearch search(Duration timeout, DomainRegistry... registries) {
        return new AvailabilitySearch(new FixedExtensions(List.of(registries)), executor, timeout);
    }

    private static List<Tld> tlds(String... tlds) {
        return java.util.Arrays.stream(tlds).map(Tld::of).toList();
    }

    private static DomainName name(String name) {
        return DomainName.of(name);
    }

    /** The registries of running plugins, fixed for the test. */
    private record FixedExtensions(List<DomainRegistry> registries) implements Extensions {

        @Override
        @SuppressWarnings("unchecked")
        public <T> List<Contribution<T>> of(Class<T> extensionPoint) {
            if (extensionPoint != DomainRegistry.class) {
                return List.of();
            }
            return registries.stream().map(r -> (Contribution<T>) new Contribution<>("plugin-" + r.registryId(), r))
                    .toList();
        }
    }
}
