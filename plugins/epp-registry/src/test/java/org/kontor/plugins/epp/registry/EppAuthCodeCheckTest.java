package org.kontor.plugins.epp.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Tld;
import org.kontor.api.registry.AuthCodeCheck;
import org.kontor.plugins.epp.codec.EppNamespaces;
import org.kontor.plugins.epp.codec.EppSchemas;
import org.kontor.plugins.epp.session.ScriptedEppServer.Frame;

/**
 * The auth code check of a transfer (RFC 5731 §3.1.2 {@code domain:info} with {@code domain:authInfo}) over real
 * sessions; every frame both ways is validated against the RFC schema set.
 */
class EppAuthCodeCheckTest {

    private static final Schema RFC = EppSchemas.rfc();
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final DomainName NAME = DomainName.of("example.com");
    private static final String CODE = "2fooBAR-secret";

    private ScriptedRegistry server;

    @AfterEach
    void close() throws Exception {
        if (server != null) {
            server.close();
            assertThat(server.invalidFrames()).isEmpty();
        }
    }

    private EppDomainRegistry registry(int lockDays, Function<Frame, String> responder) throws Exception {
        server = ScriptedRegistry.start(ScriptedRegistry.greeting(List.of(EppNamespaces.DOMAIN, EppNamespaces.CONTACT,
                EppNamespaces.HOST), List.of()), RFC, List.of(), responder);
        return new EppDomainRegistry(new EppRegistryProfile("generic", Set.of(Tld.of("com")), "REG-OURS", 5, false,
                lockDays), server.transport(), EppProfileHooks.NONE, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String info(Frame frame, String clientId, List<String> statuses, String created, String transferred) {
        StringBuilder xml = new StringBuilder("<domain:infData xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\">"
                + "<domain:name>example.com</domain:name><domain:roid>EXAMPLE1-REP</domain:roid>");
        statuses.forEach(s -> xml.append("<domain:status s=\"").append(s).append("\"/>"));
        xml.append("<domain:registrant>jd1234</domain:registrant><domain:clID>").append(clientId)
                .append("</domain:clID><domain:crID>").append(clientId).append("</domain:crID><domain:crDate>")
                .append(created).append("</domain:crDate><domain:exDate>2028-04-03T22:00:00.0Z</domain:exDate>");
        if (transferred != null) {
            xml.append("<domain:trDate>").append(transferred).append("</domain:trDate>");
        }
        xml.append("<domain:authInfo><domain:pw>").append(CODE).append("</domain:pw></domain:authInfo></domain:infData>");
        return ScriptedRegistry.response(frame, 1000, "Command completed successfully", xml.toString(), null);
    }

    @Test
    void theRightCodeOfAnotherRegistrarsOldDomainIsValidAndTravelsAsTheInfosAuthInfo() throws Exception {
        EppDomainRegistry registry = registry(60, frame -> info(frame, "REG-OTHER", List.of("ok"),
                "2020-04-03T22:00:00.0Z", null));

        AuthCodeCheck check = registry.verifyAuthCode(NAME, CODE);

        assertThat(check).isEqualTo(AuthCodeCheck.valid());
        assertThat(check.allowsOrder()).isTrue();
        Frame sent = server.frames().get(0);
        assertThat(sent.command()).isEqualTo("info");
        assertThat(sent.xml()).contains("example.com</domain:name>", "<domain:authInfo>",
                "<domain:pw>" + CODE + "</domain:pw>");
    }

    @Test
    void authorizationErrorsAreAWrongCode() throws Exception {
        for (int code : List.of(2202, 2201)) {
            EppDomainRegistry registry = registry(60, frame -> ScriptedRegistry.response(frame, code,
                    "Invalid authorization information", null, null));

            AuthCodeCheck check = registry.verifyAuthCode(NAME, "wrong-code");

            assertThat(check.result()).as("%d", code).isEqualTo(AuthCodeCheck.Result.INVALID);
            assertThat(check.allowsOrder()).isFalse();
            assertThat(check.reason()).contains(String.valueOf(code)).doesNotContain("wrong-code");
            close();
            server = null;
        }
    }

    @Test
    void aRefusedCodeOfALockedDomainIsNotTransferableAfterAnInfoWithoutTheCode() throws Exception {
        EppDomainRegistry registry = registry(60, frame -> frame.xml().contains("<domain:authInfo>")
                ? ScriptedRegistry.response(frame, 2202, "Invalid authorization information", null, null)
                : info(frame, "REG-OTHER", List.of("serverTransferProhibited"), "2020-04-03T22:00:00.0Z", null));

        AuthCodeCheck check = registry.verifyAuthCode(NAME, "any-code");

        assertThat(check.result()).isEqualTo(AuthCodeCheck.Result.NOT_TRANSFERABLE);
        assertThat(check.reason()).contains("serverTransferProhibited");
        assertThat(server.frames()).hasSize(2);
        assertThat(server.frames().get(1).xml()).doesNotContain("any-code");
    }

    @Test
    void transferProhibitionsAndAPendingTransferMakeTheDomainNotTransferable() throws Exception {
        for (String status : List.of("clientTransferProhibited", "serverTransferProhibited", "pendingTransfer")) {
            EppDomainRegistry registry = registry(60, frame -> info(frame, "REG-OTHER", List.of(status),
                    "2020-04-03T22:00:00.0Z", null));

            AuthCodeCheck check = registry.verifyAuthCode(NAME, CODE);

            assertThat(check.result()).as(status).isEqualTo(AuthCodeCheck.Result.NOT_TRANSFERABLE);
            assertThat(check.reason()).contains(status).doesNotContain(CODE);
            close();
            server = null;
        }
    }

    @Test
    void aDomainCreatedOrTransferredWithinTheLockIsNotTransferableAndTheLockIsASetting() throws Exception {
        EppDomainRegistry young = registry(60, frame -> info(frame, "REG-OTHER", List.of("ok"),
                "2026-04-20T10:00:00.0Z", null));
        AuthCodeCheck created = young.verifyAuthCode(NAME, CODE);
        assertThat(created.result()).isEqualTo(AuthCodeCheck.Result.NOT_TRANSFERABLE);
        assertThat(created.reason()).contains("registered", "60 days", "2026-06-19");
        close();

        EppDomainRegistry moved = registry(60, frame -> info(frame, "REG-OTHER", List.of("ok"),
                "2019-01-01T00:00:00.0Z", "2026-05-30T10:00:00.0Z"));
        AuthCodeCheck transferred = moved.verifyAuthCode(NAME, CODE);
        assertThat(transferred.result()).isEqualTo(AuthCodeCheck.Result.NOT_TRANSFERABLE);
        assertThat(transferred.reason()).contains("transferred");
        close();

        EppDomainRegistry shortLock = registry(30, frame -> info(frame, "REG-OTHER", List.of("ok"),
                "2026-04-20T10:00:00.0Z", null));
        assertThat(shortLock.verifyAuthCode(NAME, CODE).result()).as("42 days old, 30 days' lock")
                .isEqualTo(AuthCodeCheck.Result.VALID);
    }

    @Test
    void aDomainWeSponsorAlreadyIsNotTransferable() throws Exception {
        EppDomainRegistry registry = registry(60, frame -> info(frame, "REG-OURS", List.of("ok"),
                "2020-04-03T22:00:00.0Z", null));

        AuthCodeCheck check = registry.verifyAuthCode(NAME, CODE);

        assertThat(check.result()).isEqualTo(AuthCodeCheck.Result.NOT_TRANSFERABLE);
        assertThat(check.reason()).contains("already");
    }

    @Test
    void aDomainThatDoesNotExistIsNotTransferableAndOtherAnswersAreUnknown() throws Exception {
        EppDomainRegistry missing = registry(60, frame -> ScriptedRegistry.response(frame, 2303, "Object does not exist",
                null, null));
        assertThat(missing.verifyAuthCode(NAME, CODE).result()).isEqualTo(AuthCodeCheck.Result.NOT_TRANSFERABLE);
        close();

        EppDomainRegistry failing = registry(60, frame -> ScriptedRegistry.response(frame, 2400, "Command failed",
                null, null));
        AuthCodeCheck failed = failing.verifyAuthCode(NAME, CODE);
        assertThat(failed.result()).isEqualTo(AuthCodeCheck.Result.UNKNOWN);
        assertThat(failed.allowsOrder()).isFalse();
        assertThat(failed.reason()).contains("2400");
    }

    @Test
    void anUnreachableRegistryIsUnknownAndAnEmptyCodeIsNotSent() throws Exception {
        EppDomainRegistry registry = registry(60, frame -> info(frame, "REG-OTHER", List.of("ok"),
                "2020-04-03T22:00:00.0Z", null));
        server.close();

        AuthCodeCheck unreachable = registry.verifyAuthCode(NAME, CODE);

        assertThat(unreachable.result()).isEqualTo(AuthCodeCheck.Result.UNKNOWN);
        assertThat(unreachable.reason()).doesNotContain(CODE);
        assertThat(registry.verifyAuthCode(NAME, " ").result()).isEqualTo(AuthCodeCheck.Result.INVALID);
    }

    @Test
    void aProfileWhoseRegistryIgnoresCodesOnInfoReadsTheBlockersAndLeavesTheCodeToTheTransfer() throws Exception {
        server = ScriptedRegistry.start(ScriptedRegistry.greeting(List.of(EppNamespaces.DOMAIN), List.of()), RFC,
                List.of(), frame -> info(frame, "REG-OTHER", List.of("ok"), "2020-04-03T22:00:00.0Z", null));
        EppProfileHooks noInfoCheck = new EppProfileHooks() {
            @Override
            public boolean checksAuthInfoOnInfo() {
                return false;
            }
        };
        EppDomainRegistry registry = new EppDomainRegistry(new EppRegistryProfile("dk", Set.of(Tld.of("com")),
                "REG-OURS", 5, false, 0), server.transport(), noInfoCheck, Clock.fixed(NOW, ZoneOffset.UTC));

        AuthCodeCheck check = registry.verifyAuthCode(NAME, CODE);

        assertThat(check.result()).isEqualTo(AuthCodeCheck.Result.UNSUPPORTED);
        assertThat(check.allowsOrder()).isTrue();
        assertThat(server.frames().get(0).xml()).doesNotContain("authInfo").doesNotContain(CODE);
    }
}
