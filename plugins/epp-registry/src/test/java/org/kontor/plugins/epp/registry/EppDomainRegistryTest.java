package org.kontor.plugins.epp.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.domain.Tld;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.registry.ContactHandle;
import org.kontor.api.registry.DomainAvailability;
import org.kontor.api.registry.DomainRegistration;
import org.kontor.api.registry.RegisterDomain;
import org.kontor.api.registry.RegistryMessage;
import org.kontor.api.registry.RenewDomain;
import org.junit.jupiter.api.Test;
import org.kontor.plugins.epp.command.ClientTransactionId;
import org.kontor.plugins.epp.command.DomainCheck;
import org.kontor.plugins.epp.command.DomainCreate;
import org.kontor.plugins.epp.command.DomainInfo;
import org.kontor.plugins.epp.command.EppCommand;
import org.kontor.plugins.epp.command.PollAck;
import org.kontor.plugins.epp.response.Availability;
import org.kontor.plugins.epp.response.DomainCheckData;
import org.kontor.plugins.epp.response.DomainCreateData;
import org.kontor.plugins.epp.response.DomainInfoData;
import org.kontor.plugins.epp.response.DomainPendingActionData;
import org.kontor.plugins.epp.response.EppResponse;
import org.kontor.plugins.epp.response.Greeting;
import org.kontor.plugins.epp.response.MessageQueue;
import org.kontor.plugins.epp.response.ResponseData;
import org.kontor.plugins.epp.response.Result;
import org.kontor.plugins.epp.response.TransactionId;
import org.kontor.plugins.epp.session.EppSessionException;
import org.kontor.plugins.epp.session.EppTimeoutException;

class EppDomainRegistryTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2027-03-01T10:00:00Z");
    private static final DomainName NAME = DomainName.of("example.dk");

    private final ScriptedTransport transport = new ScriptedTransport();
    private final EppDomainRegistry registry = new EppDomainRegistry(
            new EppRegistryProfile("generic", Set.of(Tld.of("dk")), "REG-1", 2), transport);

    @Test
    void aCheckIsSplitIntoCommandsOfAtMostTheConfiguredSizeAndKeepsTheOrder() {
        List<DomainName> names = List.of(DomainName.of("a.dk"), DomainName.of("b.dk"), DomainName.of("c.dk"));
        transport.answer(response(1000, new DomainCheckData(List.of(new Availability("b.dk", false, "In use"),
                new Availability("a.dk", true, null)))));
        transport.answer(response(1000, new DomainCheckData(List.of(new Availability("c.dk", true, null)))));

        List<DomainAvailability> answers = registry.check(names);

        assertThat(transport.sent).extracting(sent -> ((DomainCheck) sent.command()).names())
                .containsExactly(List.of("a.dk", "b.dk"), List.of("c.dk"));
        assertThat(answers).containsExactly(DomainAvailability.available(DomainName.of("a.dk")),
                DomainAvailability.taken(DomainName.of("b.dk"), "In use"),
                DomainAvailability.available(DomainName.of("c.dk")));
    }

    @Test
    void aRegistrationIsSentUnderItsIdempotencyKeyAndYieldsTheDates() {
        transport.answer(response(1000, new DomainCreateData("example.dk", CREATED, EXPIRES)));

        Outcome<DomainRegistration> outcome = registry.register(register("create-example.dk"));

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(outcome.value().expiresAt()).isEqualTo(EXPIRES);
        assertThat(outcome.reference()).isEqualTo("SV-1");
        assertThat(transport.sent.get(0).clTRID()).isEqualTo(ClientTransactionId.of("create-example.dk"));
        DomainCreate create = (DomainCreate) transport.sent.get(0).command();
        assertThat(create.registrant()).isEqualTo("H1");
        assertThat(create.authInfo()).as("RFC 5731 requires one").isNotBlank();
    }

    @Test
    void aRefusalIsAnErrorWithTheRegistryCodeAndALostAnswerIsUndefined() {
        transport.answer(response(2104, null));
        assertThat(registry.register(register("k-refused"))).satisfies(o -> {
            assertThat(o.status()).isEqualTo(OutcomeStatus.ERROR);
            assertThat(o.code()).isEqualTo("2104");
        });

        transport.fail(new EppTimeoutException("no answer", new IOException("read timed out")));
        assertThat(registry.renew(RenewDomain.of(IdempotencyKey.of("k-renew"), NAME, LocalDate.of(2027, 3, 1),
                Period.years(1))).status()).isEqualTo(OutcomeStatus.UNDEFINED);
    }

    @Test
    void statusAsksInfoAndNeverResendsTheCommand() {
        transport.answer(response(1000, info("REG-1", List.of("ok"))));
        transport.answer(response(1000, info("REG-1", List.of("pendingCreate"))));
        transport.answer(response(2303, null));
        transport.answer(response(1000, info("OTHER", List.of("ok"))));
        transport.fail(new EppSessionException("connection refused"));
        IdempotencyKey key = IdempotencyKey.of("create-example.dk");

        Outcome<DomainRegistration> ours = registry.status(key, NAME);
        assertThat(ours.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(ours.value().expiresAt()).isEqualTo(EXPIRES);
        assertThat(registry.status(key, NAME).status()).isEqualTo(OutcomeStatus.PENDING);
        assertThat(registry.status(key, NAME).status()).isEqualTo(OutcomeStatus.CANCELED);
        assertThat(registry.status(key, NAME).status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(registry.status(key, NAME).status()).isEqualTo(OutcomeStatus.UNDEFINED);
        assertThat(transport.sent).extracting(SentCommand::command).allMatch(DomainInfo.class::isInstance);
    }

    @Test
    void aPendingActionMessageCarriesItsResultAndTheEchoedClTrid() {
        EppResponse answer = new EppResponse(List.of(new Result(1301, "Ack to dequeue", List.of())),
                new MessageQueue(2, "m-17", CREATED, "Create approved"),
                List.of(new DomainPendingActionData("example.dk", false, new TransactionId("create-example.dk", "SV-9"),
                        EXPIRES)),
                List.of(), new TransactionId("poll-1", "SV-2"));
        transport.answer(answer);

        RegistryMessage message = registry.poll().orElseThrow();

        assertThat(message.id()).isEqualTo("m-17");
        assertThat(message.queuedAt()).isEqualTo(CREATED);
        assertThat(message.kind()).isEqualTo("create-rejected");
        assertThat(message.domain()).isEqualTo(NAME);
        assertThat(message.data()).containsEntry("paTRID", "create-example.dk");
    }

    @Test
    void anEmptyQueueIsNoMessageAndAReAcknowledgementIsHarmless() {
        transport.answer(response(1300, null));
        assertThat(registry.poll()).isEmpty();

        transport.answer(response(2303, null));
        registry.acknowledge("m-17");
        assertThat(((PollAck) transport.sent.get(1).command()).messageId()).isEqualTo("m-17");

        transport.answer(response(2201, null));
        assertThatThrownBy(() -> registry.acknowledge("m-18")).isInstanceOf(EppRegistryException.class)
                .hasMessageContaining("2201");
    }

    @Test
    void noBalanceWhereTheGreetingDoesNotAnnounceIt() {
        assertThat(registry.balance()).isEmpty();
        assertThat(transport.sent).isEmpty();
    }

    private static RegisterDomain register(String key) {
        return RegisterDomain.of(IdempotencyKey.of(key), NAME, Period.years(1), new ContactHandle("H1"), List.of());
    }

    private static DomainInfoData info(String clientId, List<String> statuses) {
        return new DomainInfoData("example.dk", "D1-DK", statuses, "H1", List.of(), List.of(), List.of(), clientId,
                clientId, CREATED, null, null, EXPIRES, null, null);
    }

    private static EppResponse response(int code, ResponseData data) {
        return new EppResponse(List.of(new Result(code, "result " + code, List.of())), null,
                data == null ? List.of() : List.of(data), List.of(), new TransactionId("c", "SV-1"));
    }

    private record SentCommand(EppCommand command, ClientTransactionId clTRID) {
    }

    /** Answers commands in order from a script and records what was sent. */
    private static final class ScriptedTransport implements EppTransport {

        final List<SentCommand> sent = new ArrayList<>();
        private final Deque<Object> script = new ArrayDeque<>();

        void answer(EppResponse response) {
            script.add(response);
        }

        void fail(EppSessionException failure) {
            script.add(failure);
        }

        @Override
        public EppResponse execute(EppCommand command, ClientTransactionId clTRID) throws EppSessionException {
            sent.add(new SentCommand(command, clTRID));
            Object next = script.remove();
            if (next instanceof EppSessionException failure) {
                throw failure;
            }
            return (EppResponse) next;
        }

        @Override
        public Greeting greeting() {
            return new Greeting("test", CREATED, List.of("1.0"), List.of("en"),
                    List.of("urn:ietf:params:xml:ns:domain-1.0"), List.of());
        }
    }
}
