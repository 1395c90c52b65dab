package org.kontor.plugins.parking.sedo;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Nameserver;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;

/** Parking with Sedo against Sedo's API answering from the fixtures: each answer becomes the right outcome. */
class SedoParkingTest {

    private final SedoFixture f = new SedoFixture();
    private final IdempotencyKey key = IdempotencyKey.of("parking:park-1:provider");

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void parkingEntersTheDomainIntoTheAccountNotForSaleWithTheCredentials() {
        Outcome<Void> parked = f.parking().park(key, DomainName.of("parked-ok.com"));

        assertThat(parked.status()).as(parked.message()).isEqualTo(OutcomeStatus.PROCESSED);
        List<LoggedRequest> sent = f.sedo.findAll(getRequestedFor(urlPathEqualTo("/api/v1/DomainInsert")));
        assertThat(sent).singleElement().satisfies(request -> {
            assertThat(request.queryParameter("partnerid").firstValue()).isEqualTo(SedoFixture.PARTNER_ID);
            assertThat(request.queryParameter("signkey").firstValue()).isEqualTo(SedoFixture.SIGN_KEY);
            assertThat(request.queryParameter("username").firstValue()).isEqualTo(SedoFixture.USERNAME);
            assertThat(request.queryParameter("password").firstValue()).isEqualTo(SedoFixture.PASSWORD);
            assertThat(request.queryParameter("domainentry[0][forsale]").firstValue()).isEqualTo("0");
            assertThat(request.queryParameter("output_method").firstValue()).isEqualTo("xml");
        });
    }

    @Test
    void aDomainAlreadyInTheAccountCountsAsParked() {
        Outcome<Void> again = f.parking().park(key, DomainName.of("already-there.com"));

        assertThat(again.status()).isEqualTo(OutcomeStatus.PROCESSED);
    }

    @Test
    void aDomainSedoDoesNotTakeIsRefusedWithSedosReason() {
        Outcome<Void> refused = f.parking().park(key, DomainName.of("refused-name.com"));

        assertThat(refused.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(refused.message()).contains("blacklist");
    }

    @Test
    void wrongCredentialsAreARefusalWithSedosFaultCode() {
        f.settings.put(SedoSettings.USERNAME, "wrong-user");

        Outcome<Void> refused = f.parking().park(key, DomainName.of("parked-ok.com"));

        assertThat(refused.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(refused.code()).isEqualTo("E0102");
        assertThat(refused.message()).isEqualTo("Invalid login data.");
    }

    @Test
    void aTimeOutOrAServerErrorIsUndefinedAndNoConnectionIsCanceled() {
        Outcome<Void> late = f.parking().park(key, DomainName.of("slow-answer.com"));
        Outcome<Void> failed = f.parking().park(key, DomainName.of("server-error.com"));
        f.down();
        Outcome<Void> unreachable = f.parking().park(key, DomainName.of("parked-ok.com"));

        assertThat(late.status()).as(late.message()).isEqualTo(OutcomeStatus.UNDEFINED);
        assertThat(failed.status()).isEqualTo(OutcomeStatus.UNDEFINED);
        assertThat(unreachable.status()).isEqualTo(OutcomeStatus.CANCELED);
    }

    @Test
    void leavingTakesTheDomainOutAndOneNoLongerThereCountsAsTakenOut() {
        assertThat(f.parking().unpark(key, DomainName.of("parked-ok.com")).status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(f.parking().unpark(key, DomainName.of("gone.com")).status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(f.sedo.findAll(getRequestedFor(urlPathEqualTo("/api/v1/DomainDelete")))).hasSize(2)
                .allSatisfy(request -> assertThat(request.queryParameter("domains[0]").isPresent()).isTrue());
    }

    @Test
    void sedosNameserversAreOfferedOnlyOnceTheAccountIsConfigured() {
        assertThat(f.parking().nameservers()).extracting(Nameserver::host).extracting(DomainName::ascii)
                .containsExactly("ns1.sedoparking.com", "ns2.sedoparking.com");
        f.settings.put(SedoSettings.NAMESERVERS, "ns3.sedoparking.com, ns4.sedoparking.com");
        assertThat(f.parking().nameservers()).extracting(Nameserver::host).extracting(DomainName::ascii)
                .containsExactly("ns3.sedoparking.com", "ns4.sedoparking.com");

        f.settings.remove(SedoSettings.PASSWORD);
        assertThat(f.parking().nameservers()).isEmpty();
        Outcome<Void> unconfigured = f.parking().park(key, DomainName.of("parked-ok.com"));
        assertThat(unconfigured.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(unconfigured.code()).isEqualTo("not-configured");
        assertThat(f.sedo.getAllServeEvents()).isEmpty();
    }
}
