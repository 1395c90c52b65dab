package org.kontor.plugins.epp.codec;

import java.io.ByteArrayInputStream;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The .dk schema set accepts the registry's own examples, so a frame it refuses is the codec's fault. */
class EppSchemaSetTest {

    private static final Schema DKHM = EppSchemas.dkhm();

    @ParameterizedTest
    @ValueSource(strings = {"balance_request.xml", "balance_response.xml", "create_contact_verification.xml",
            "create_domain_with_orderconfirmation_token.xml", "info_domain.xml", "info_domain_response.xml",
            "info_domain_response_with_authid_extension.xml", "info_contact_verification_response.xml",
            "info_contact_verification_expired_response.xml", "update_contact_userType.xml",
            "update_contact_verification.xml", "update_domain_change_name_server_with_authid.xml",
            "update_domain_change_nameserver.xml", "update_domain_change_registrant.xml",
            "update_domain_set_authid.xml", "update_domain_unset_authid.xml", "withdraw_domain.xml",
            "withdraw_domain_dkhm.xml", "authinfo/info_domain_response.xml",
            "authinfo/info_domain_response_with_authinfo_extension.xml", "rfc3915/rgp-response.xml",
            "rfc5910/dnssec-1.1.xml"})
    void theRegistrysExamplesAreValid(String file) throws Exception {
        DKHM.newValidator().validate(new StreamSource(new ByteArrayInputStream(Vectors.bytes("dkhm/" + file))));
    }
}
