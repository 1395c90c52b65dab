package org.kontor.plugins.registrydk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kontor.api.domain.DomainName;
import org.kontor.api.registry.DomainInfo;
import org.kontor.plugins.epp.codec.EppResponseDecoder;
import org.kontor.plugins.epp.response.ContactCreateData;
import org.kontor.plugins.epp.response.EppResponse;

/** The registry's example answers read through the .dk profile. */
class DkhmVectorsTest {

    private static final EppResponseDecoder DECODER = new EppResponseDecoder(Currency.getInstance("DKK"));
    private static final DkhmHooks HOOKS = new DkhmHooks(Clock.systemUTC(), false);

    private static EppResponse decode(String path) {
        return DECODER.decodeResponse(DkRegistryTest.example(path).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dkhm-spec/line-1895.xml", "dkhm-spec/line-1938.xml", "dkhm-spec/line-2003.xml",
            "dkhm-spec/line-2304.xml", "dkhm-spec/line-2349.xml", "dkhm-spec/line-2390.xml", "dkhm-spec/line-2431.xml",
            "dkhm-spec/line-2467.xml", "dkhm-spec/line-4195.xml", "dkhm/balance_response.xml",
            "dkhm/info_domain_response.xml", "dkhm/info_domain_response_with_authid_extension.xml",
            "dkhm/authinfo/info_domain_response.xml", "dkhm/authinfo/info_domain_response_with_authinfo_extension.xml",
            "dkhm/info_contact_verification_response.xml", "dkhm/rfc3915/rgp-response.xml"})
    void everyExampleAnswerDecodes(String path) {
        assertThat(decode(path).results()).isNotEmpty();
    }

    @Test
    void theCreateAnswerCarriesTheTrackingNumberAndThePollMessageTheRiskAssessment() {
        EppResponse create = decode("dkhm-spec/line-2304.xml");
        assertThat(create.code()).isEqualTo(1001);
        assertThat(DkhmHooks.trackingNumber(create)).isEqualTo("2026051100008");
        assertThat(DkhmHooks.dkhmText(create, "registrant_validated")).isEqualTo("1");
        assertThat(DkhmHooks.dkhmText(decode("dkhm-spec/line-2349.xml"), "risk_assessment")).isEqualTo("BLUE");
    }

    @Test
    void theContactCreateAnswerCarriesTheRegistrysId() {
        assertThat(decode("dkhm-spec/line-4195.xml").data(ContactCreateData.class).orElseThrow().id())
                .isEqualTo("DHA1263-DK");
    }

    @Test
    void theTransferTokenIsTheAuthCodeAndAnEmptyPasswordIsNone() {
        DomainInfo generic = new DomainInfo(DomainName.of("eksempel.dk"), "D1-DK", null, null, null, List.of(), null,
                null, "REG-1", "");
        assertThat(HOOKS.domainInfo(generic, decode("dkhm/authinfo/info_domain_response_with_authinfo_extension.xml"))
                .authCode()).isEqualTo("USER1-DK-098f6bcd4621d373cade4e832627b4f6");
        assertThat(HOOKS.domainInfo(generic, decode("dkhm/authinfo/info_domain_response.xml")).authCode()).isNull();
    }
}
