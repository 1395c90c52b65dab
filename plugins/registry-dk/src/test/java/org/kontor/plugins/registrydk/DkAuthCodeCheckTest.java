package org.kontor.plugins.registrydk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Tld;
import org.kontor.api.registry.AuthCodeCheck;
import org.kontor.plugins.epp.codec.EppSchemas;
import org.kontor.plugins.epp.registry.EppDomainRegistry;
import org.kontor.plugins.epp.registry.ScriptedRegistry;
import org.kontor.plugins.epp.session.EppTimeouts;
import org.kontor.plugins.epp.session.ScriptedEppServer;
import org.kontor.plugins.epp.session.ScriptedEppServer.Frame;

/**
 * The .dk answer to an auth code check before a transfer: the registry checks a token only on the transfer itself, so
 * a plain info (valid for the registry's schemas) reads what blocks a transfer and the rest is UNSUPPORTED. The
 * scripted server replies with the specification's own info examples.
 */
class DkAuthCodeCheckTest {

    private static final Instant NOW = Instant.parse("2026-05-11T09:00:00Z");
    private static final String TOKEN = "REG-TRANSFER-098f6bcd4621d373cade4e832627b4f6";
    /** The specification's "info domain response with AuthInfo token": eksempel.dk, held by REG-123456. */
    private static final String OTHER_REGISTRARS = "dkhm-spec/line-2793.xml";
    /** The specification's "info domain response": dk-hostmaster.dk, registrant-managed (DKHM1-DK), vid false. */
    private static final String REGISTRANT_MANAGED = "dkhm-spec/line-2666.xml";

    private final Deque<Function<Frame, String>> answers = new ArrayDeque<>();
    private ScriptedRegistry server;

    @AfterEach
    void close() throws Exception {
        if (server != null) {
            server.close();
            assertThat(server.invalidFrames()).isEmpty();
        }
    }

    private EppDomainRegistry registry() throws Exception {
        DkSettings settings = new DkSettings("dk-hostmaster", "localhost", 700, "REG-1234", "Secret-Passw0rd", "",
                Set.of(Tld.of("dk")), 1, 100, 5, EppTimeouts.defaults(), false);
        server = ScriptedRegistry.start(ScriptedEppServer.GREETING, EppSchemas.dkhm(), settings.endpoint().extensionUris(),
                frame -> answers.remove().apply(frame));
        return DkRegistryExtension.registry(settings, server.transport(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void answerWith(String example, String from, String to) {
        answers.add(frame -> DkRegistryTest.example(example).replace(from, to)
                .replaceFirst("(<trID>\\s*)<clTRID>[^<]*</clTRID>", "$1<clTRID>" + frame.clTRID() + "</clTRID>"));
    }

    @Test
    void anotherRegistrarsDomainIsLeftToTheTransferWhichChecksTheToken() throws Exception {
        EppDomainRegistry registry = registry();
        answerWith(OTHER_REGISTRARS, "", "");

        AuthCodeCheck check = registry.verifyAuthCode(DomainName.of("eksempel.dk"), TOKEN);

        assertThat(check.result()).isEqualTo(AuthCodeCheck.Result.UNSUPPORTED);
        assertThat(check.allowsOrder()).isTrue();
        assertThat(check.reason()).contains("only when the transfer is requested").doesNotContain(TOKEN);
        Frame info = server.frames().get(0);
        assertThat(info.command()).isEqualTo("info");
        assertThat(info.xml()).as("the .dk info takes no token").doesNotContain("authInfo").doesNotContain(TOKEN);
    }

    @Test
    void aDomainWeHoldAlreadyIsNotTransferable() throws Exception {
        EppDomainRegistry registry = registry();
        answerWith(OTHER_REGISTRARS, "<domain:clID>REG-123456</domain:clID>", "<domain:clID>REG-1234</domain:clID>");

        AuthCodeCheck check = registry.verifyAuthCode(DomainName.of("eksempel.dk"), TOKEN);

        assertThat(check.result()).isEqualTo(AuthCodeCheck.Result.NOT_TRANSFERABLE);
    }

    @Test
    void serverTransferProhibitedIsNotTransferable() throws Exception {
        EppDomainRegistry registry = registry();
        answerWith(OTHER_REGISTRARS, "<domain:status s=\"ok\"/>", "<domain:status s=\"serverTransferProhibited\"/>");

        AuthCodeCheck check = registry.verifyAuthCode(DomainName.of("eksempel.dk"), TOKEN);

        assertThat(check.result()).isEqualTo(AuthCodeCheck.Result.NOT_TRANSFERABLE);
        assertThat(check.reason()).contains("serverTransferProhibited");
    }

    @Test
    void aRegistrantManagedDomainWithVidServiceIsNotTransferableWithoutItItIs() throws Exception {
        EppDomainRegistry registry = registry();
        answerWith(REGISTRANT_MANAGED, "", "");
        answerWith(REGISTRANT_MANAGED, "dkhm-4.5\">false\n      </dkhm:vid>", "dkhm-4.5\">true\n      </dkhm:vid>");

        AuthCodeCheck withoutVid = registry.verifyAuthCode(DomainName.of("dk-hostmaster.dk"), TOKEN);
        AuthCodeCheck withVid = registry.verifyAuthCode(DomainName.of("dk-hostmaster.dk"), TOKEN);

        assertThat(withoutVid.result()).isEqualTo(AuthCodeCheck.Result.UNSUPPORTED);
        assertThat(withVid.result()).isEqualTo(AuthCodeCheck.Result.NOT_TRANSFERABLE);
        assertThat(withVid.reason()).contains("VID");
    }

    @Test
    void aDomainThatDoesNotExistIsNotTransferable() throws Exception {
        EppDomainRegistry registry = registry();
        answers.add(frame -> ScriptedRegistry.response(frame, 2303, "Domain not found", null, null));

        assertThat(registry.verifyAuthCode(DomainName.of("findesikke.dk"), TOKEN).result())
                .isEqualTo(AuthCodeCheck.Result.NOT_TRANSFERABLE);
    }
}
