package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Tld;
import org.kontor.api.job.JobRun;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.catalog.LaunchPhase;
import org.kontor.host.catalog.Phase;
import org.kontor.host.catalog.TldEntry;
import org.kontor.host.customers.ContactInput;
import org.kontor.host.customers.SignUp;
import org.kontor.host.demo.DemoData;
import org.kontor.host.orders.OrderJob;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * Pre-registration (ORD-7) against the sandbox registry: while .example is in its pre-registration phase, orders
 * are taken, funded and QUEUED until general availability; the order job sends nothing before, and then sends them
 * in the order they were placed, so that of two customers pre-registering the same name the first one gets it and
 * the second one's money is released.
 */
@DatabaseTest
class PreRegistrationTest {

    private OrderingHost demo;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @DbTest
    void queuedOrdersAreSentWhenGeneralAvailabilityOpensInTheOrderTheyWerePlaced(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        String s = OrderingHost.suffix();
        Instant now = demo.clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant generalAvailability = now.plus(Duration.ofDays(1));
        TldEntry example = demo.host.catalog().find(Tld.of("example")).orElseThrow();
        demo.host.catalog().put(new TldEntry(example.tld(), true, example.registryId(), example.register(),
                example.renew(), example.idnAllowed(), example.idnTable(), example.requiredFields(),
                example.residenceCountries(), example.eligibilityNote(),
                List.of(new LaunchPhase(Phase.PRE_REGISTRATION, now.minus(Duration.ofHours(1)), generalAvailability),
                        new LaunchPhase(Phase.GENERAL_AVAILABILITY, generalAvailability, null))));
        String other = demo.newReseller("pre-" + s);
        String reseller = DemoData.RESELLER_TOKEN;
        BigDecimal resellerBefore = demo.available();

        // Two names, each pre-registered by both; the first to order is the other reseller for one, the reseller
        // for the other.
        String first = "foerst-" + s + ".example";
        String second = "anden-" + s + ".example";
        List<String> orderIds = new ArrayList<>();
        orderIds.add(preRegister(other, first, "a"));
        orderIds.add(preRegister(reseller, first, "b"));
        orderIds.add(preRegister(reseller, second, "c"));
        orderIds.add(preRegister(other, second, "d"));
        for (String orderId : orderIds) {
            JsonNode order = awaitLine(orderId, "QUEUED");
            assertThat(order.get("state").asText()).isEqualTo("PROVISIONING");
            assertThat(order.at("/lines/0/launchPhase").asText()).isEqualTo("pre-registration");
            assertThat(Instant.parse(order.at("/lines/0/notBefore").asText())).isEqualTo(generalAvailability);
        }
        assertThat(demo.available()).isEqualByComparingTo(resellerBefore.subtract(new BigDecimal("200.00")));

        OrderJob job = new OrderJob(demo.host.orderFulfilment(), demo.host.orders(), Duration.ofSeconds(30),
                Duration.ofMinutes(2));
        job.run(new JobRun(demo.clock.instant(), demo.clock.instant()));
        for (String orderId : orderIds) {
            assertThat(order(orderId).at("/lines/0/state").asText()).isEqualTo("QUEUED");
        }
        assertThat(demo.host.domainStore().find(DemoData.RESELLER_ID, DomainName.of(second))).isEmpty();

        demo.clock.advance(Duration.ofDays(1));
        job.run(new JobRun(demo.clock.instant(), demo.clock.instant()));
        List<String> states = new ArrayList<>();
        for (String orderId : orderIds) {
            states.add(demo.awaitFinal(buyers.get(orderId), orderId).get("state").asText());
        }
        assertThat(states).containsExactly("COMPLETED", "FAILED", "COMPLETED", "FAILED");
        assertThat(demo.host.domainStore().find("pre-" + s, DomainName.of(first))).isPresent();
        assertThat(demo.host.domainStore().find(DemoData.RESELLER_ID, DomainName.of(second))).isPresent();
        assertThat(demo.host.domainStore().find(DemoData.RESELLER_ID, DomainName.of(first))).isEmpty();
        // The reseller paid for the name it got, and the money held for the one it did not get is free again.
        assertThat(demo.available()).isEqualByComparingTo(resellerBefore.subtract(new BigDecimal("100.00")));
        demo.host.catalog().put(example);
    }

    private final Map<String, String> buyers = new java.util.HashMap<>();

    private String preRegister(String token, String domain, String key) throws Exception {
        demo.clock.advance(Duration.ofMinutes(1));
        demo.cartWith(token, domain);
        JsonNode cart = demo.json(demo.send("GET", "/api/v1/cart", null, token));
        assertThat(cart.at("/items/0/launchPhase").asText()).isEqualTo("pre-registration");
        HttpResponse<String> placed = demo.checkout(token, "pre-" + key + "-" + domain);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String orderId = demo.json(placed).get("id").asText();
        buyers.put(orderId, token);
        return orderId;
    }

    private JsonNode order(String orderId) throws Exception {
        return demo.order(buyers.get(orderId), orderId);
    }

    private JsonNode awaitLine(String orderId, String state) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode order;
        do {
            order = order(orderId);
            if (order.at("/lines/0/state").asText().equals(state)) {
                return order;
            }
            Thread.sleep(50);
        } while (Instant.now().isBefore(until));
        return order;
    }
}
