package org.kontor.host.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.domain.DomainName;
import org.kontor.api.event.DomainRegistered;
import org.kontor.api.event.EventListener;
import org.kontor.api.event.EventMetadata;
import org.kontor.api.event.OrderPlaced;
import org.kontor.api.event.PreparedEvent;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.host.json.JsonMapping;
import org.kontor.host.plugins.FakeExtensions;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

@DatabaseTest(migrateHost = true)
class OutboxTest {

    private static final RetryPolicy RETRY =
            new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5));
    private static final OrderPlaced ORDER = new OrderPlaced("o-1", "c-1", Money.of("12.50", "DKK"));

    private final TestClock clock = TestClock.fixed();
    private final FakeExtensions extensions = new FakeExtensions();
    private final ObjectMapper json = JsonMapping.create();
    private EventDispatcher dispatcher;
    private OutboxEventPublisher publisher;

    @BeforeEach
    void setUp(Database db) {
        db.jdbi().useHandle(h -> {
            h.execute("DELETE FROM event_delivery");
            h.execute("DELETE FROM event_outbox");
        });
        // Deliveries run in the committing thread, so the tests see them at once.
        dispatcher = new EventDispatcher(db.jdbi(), extensions, new EventTypes(), json, clock, RETRY, Runnable::run);
        publisher = new OutboxEventPublisher(db.jdbi(), json, clock, dispatcher::deliverLater);
    }

    @DbTest
    void anEventOfARolledBackTransactionIsNeverDelivered(Database db) {
        Recording<OrderPlaced> listener = new Recording<>(OrderPlaced.class, 0);
        extensions.add("shop", EventListener.class, listener);
        assertThatThrownBy(() -> db.jdbi().useTransaction(h -> {
            publisher.publish(h, ORDER);
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        dispatcher.dispatchPending();
        assertThat(listener.calls).isEmpty();
        assertThat(count(db, "SELECT COUNT(*) FROM event_outbox")).isZero();
    }

    @DbTest
    void aCommittedEventIsDeliveredOnceAfterCommit(Database db) {
        Recording<OrderPlaced> listener = new Recording<>(OrderPlaced.class, 0);
        Recording<DomainRegistered> other = new Recording<>(DomainRegistered.class, 0);
        extensions.add("shop", EventListener.class, listener).add("dns", EventListener.class, other);
        db.jdbi().useTransaction(h -> {
            publisher.publish(h, ORDER);
            assertThat(listener.calls).as("not before commit").isEmpty();
        });
        assertThat(listener.calls).hasSize(1);
        assertThat(listener.calls.get(0).event()).isEqualTo(ORDER);
        assertThat(listener.calls.get(0).metadata().attempt()).isEqualTo(1);
        assertThat(listener.calls.get(0).metadata().occurredAt()).isEqualTo(clock.instant());

        clock.advance(Duration.ofHours(1));
        dispatcher.dispatchPending();
        dispatcher.deliver(listener.calls.get(0).metadata().eventId());
        assertThat(listener.calls).hasSize(1);
        assertThat(other.calls).isEmpty();
        assertThat(count(db, "SELECT COUNT(*) FROM event_outbox WHERE completed_at IS NOT NULL")).isEqualTo(1);
        String payload = db.jdbi().withHandle(h -> h.createQuery("SELECT payload FROM event_outbox").mapTo(String.class).one());
        assertThat(payload).contains("\"total\":{\"amount\":\"12.50\",\"currency\":\"DKK\"}");
    }

    @DbTest
    void publishingWithoutAHandleUsesItsOwnTransaction(Database db) {
        Recording<DomainRegistered> listener = new Recording<>(DomainRegistered.class, 0);
        extensions.add("dns", EventListener.class, listener);
        DomainRegistered event = new DomainRegistered(DomainName.of("æøå.dk"), "c-9", Instant.parse("2031-01-01T00:00:00Z"));
        publisher.publish(event);
        assertThat(listener.calls).extracting(Call::event).containsExactly(event);
        String payload = db.jdbi().withHandle(h -> h.createQuery("SELECT payload FROM event_outbox").mapTo(String.class).one());
        assertThat(payload).contains("\"domain\":\"xn--5cab8c.dk\"");
    }

    @DbTest
    void aFailingListenerIsRetriedAndTheOtherIsNotCalledAgain(Database db) {
        Recording<OrderPlaced> flaky = new Recording<>(OrderPlaced.class, 1);
        Recording<OrderPlaced> steady = new SteadyListener();
        extensions.add("flaky-plugin", EventListener.class, flaky).add("steady-plugin", EventListener.class, steady);

        publisher.publish(ORDER); // must not throw although a listener does
        assertThat(flaky.calls).hasSize(1);
        assertThat(steady.calls).hasSize(1);
        String lastError = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT last_error FROM event_delivery WHERE listener_key LIKE 'flaky-plugin:%'").mapTo(String.class).one());
        assertThat(lastError).contains("listener failure 1");

        dispatcher.dispatchPending();
        assertThat(flaky.calls).as("not before the back-off").hasSize(1);

        clock.advance(Duration.ofSeconds(10));
        dispatcher.dispatchPending();
        assertThat(flaky.calls).extracting(c -> c.metadata().attempt()).containsExactly(1, 2);
        assertThat(flaky.calls).extracting(c -> c.metadata().eventId()).containsOnly(steady.calls.get(0).metadata().eventId());
        assertThat(steady.calls).hasSize(1);
        assertThat(count(db, "SELECT COUNT(*) FROM event_outbox WHERE completed_at IS NOT NULL")).isEqualTo(1);
        assertThat(count(db, "SELECT COUNT(*) FROM event_delivery WHERE status = 'DELIVERED'")).isEqualTo(2);
    }

    @DbTest
    void givesUpAfterTheLastAttemptWithExponentialBackOff(Database db) {
        Recording<OrderPlaced> broken = new Recording<>(OrderPlaced.class, Integer.MAX_VALUE);
        extensions.add("broken", EventListener.class, broken);
        publisher.publish(ORDER);
        clock.advance(Duration.ofSeconds(10));
        dispatcher.dispatchPending();
        assertThat(broken.calls).hasSize(2);
        clock.advance(Duration.ofSeconds(19)); // second delay is 20 s
        dispatcher.dispatchPending();
        assertThat(broken.calls).hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchPending();
        assertThat(broken.calls).extracting(c -> c.metadata().attempt()).containsExactly(1, 2, 3);
        clock.advance(Duration.ofHours(1));
        dispatcher.dispatchPending();
        assertThat(broken.calls).hasSize(3);
        assertThat(count(db, "SELECT COUNT(*) FROM event_delivery WHERE status = 'FAILED' AND attempts = 3")).isEqualTo(1);
        assertThat(count(db, "SELECT COUNT(*) FROM event_outbox WHERE completed_at IS NOT NULL")).isEqualTo(1);
    }

    @DbTest
    void eventsWaitingForLaterRetriesDoNotCrowdOutNewOnes(Database db) {
        Recording<OrderPlaced> listener = new Recording<>(OrderPlaced.class, 0);
        extensions.add("shop", EventListener.class, listener);
        long later = clock.instant().plusSeconds(3600).toEpochMilli();
        db.jdbi().useTransaction(h -> {
            for (int i = 0; i < 250; i++) {
                h.execute("INSERT INTO event_outbox (id, event_type, payload, occurred_at) VALUES (?, 'OrderPlaced', '{}', ?)",
                        "waiting-" + i, clock.instant().toEpochMilli() - 1000);
                h.execute("INSERT INTO event_delivery (event_id, listener_key, status, attempts, next_attempt_at) "
                        + "VALUES (?, 'shop:listener', 'PENDING', 3, ?)", "waiting-" + i, later);
            }
        });
        OutboxEventPublisher lostHandOver = new OutboxEventPublisher(db.jdbi(), json, clock, id -> { });
        lostHandOver.publish(ORDER);

        dispatcher.dispatchPending();

        assertThat(listener.calls).extracting(call -> call.event()).containsExactly(ORDER);
    }

    @DbTest
    void aSweepDeliversEventsWhoseHandOverWasLost(Database db) {
        Recording<OrderPlaced> listener = new Recording<>(OrderPlaced.class, 0);
        extensions.add("shop", EventListener.class, listener);
        OutboxEventPublisher forgetful = new OutboxEventPublisher(db.jdbi(), json, clock, id -> {
            throw new IllegalStateException("dispatcher stopped");
        });
        forgetful.publish(ORDER);
        assertThat(listener.calls).isEmpty();
        assertThat(dispatcher.dispatchPending()).isEqualTo(1);
        assertThat(listener.calls).hasSize(1);
        assertThat(dispatcher.dispatchPending()).isZero();
    }

    @DbTest
    void aPreparedEventIsWrittenAsPreparedAndDeliveredOnceEvenAfterARolledBackAttempt(Database db) {
        Recording<OrderPlaced> listener = new Recording<>(OrderPlaced.class, 0);
        extensions.add("shop", EventListener.class, listener);
        PreparedEvent prepared = publisher.prepare(ORDER);
        assertThat(prepared.event()).isEqualTo(ORDER);
        assertThatThrownBy(() -> db.jdbi().useTransaction(h -> {
            publisher.publish(h, prepared);
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(count(db, "SELECT COUNT(*) FROM event_outbox")).isZero();

        db.jdbi().useTransaction(h -> publisher.publish(h, prepared)); // the same prepared event, run again
        assertThat(listener.calls).hasSize(1);
        assertThat(listener.calls.get(0).event()).isEqualTo(ORDER);
        String payload = db.jdbi().withHandle(h -> h.createQuery("SELECT payload FROM event_outbox")
                .mapTo(String.class).one());
        assertThat(payload).contains("\"orderId\":\"o-1\"").contains("\"12.50\"");
    }

    @DbTest
    void anEventFromAnotherPublishersPreparationIsWrittenToo(Database db) {
        Recording<OrderPlaced> listener = new Recording<>(OrderPlaced.class, 0);
        extensions.add("shop", EventListener.class, listener);
        PreparedEvent foreign = () -> ORDER;
        db.jdbi().useTransaction(h -> publisher.publish(h, foreign));
        assertThat(listener.calls).extracting(Call::event).containsExactly(ORDER);
    }

    @DbTest
    void preparedEventsPublishedTogetherAreWrittenInOneGoAndEachDeliveredOnceAfterTheCommit(Database db) {
        Recording<OrderPlaced> listener = new Recording<>(OrderPlaced.class, 0);
        extensions.add("shop", EventListener.class, listener);
        List<OrderPlaced> orders = List.of(new OrderPlaced("o-1", "c-1", Money.of("1.00", "DKK")),
                new OrderPlaced("o-2", "c-1", Money.of("2.00", "DKK")), new OrderPlaced("o-3", "c-2", Money.of("3.00", "DKK")));
        List<PreparedEvent> prepared = orders.stream().map(publisher::prepare).toList();

        assertThatThrownBy(() -> db.jdbi().useTransaction(h -> {
            publisher.publishAll(h, prepared);
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(count(db, "SELECT COUNT(*) FROM event_outbox")).isZero();
        assertThat(listener.calls).isEmpty();

        db.jdbi().useTransaction(h -> {
            publisher.publishAll(h, prepared);
            assertThat(listener.calls).as("nothing is delivered before the commit").isEmpty();
        });
        assertThat(listener.calls).extracting(Call::event).containsExactlyInAnyOrderElementsOf(orders);
        assertThat(count(db, "SELECT COUNT(*) FROM event_outbox")).isEqualTo(3);
        assertThat(count(db, "SELECT COUNT(DISTINCT id) FROM event_outbox")).isEqualTo(3);

        db.jdbi().useTransaction(h -> publisher.publishAll(h, List.of()));
        db.jdbi().useTransaction(h -> publisher.publishAll(h, List.of(publisher.prepare(ORDER))));
        assertThat(listener.calls).hasSize(4);
    }

    private static long count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    record Call<E>(E event, EventMetadata metadata) {
    }

    /** Records its calls; throws on the first {@code failures} of them. */
    static class Recording<E extends org.kontor.api.event.Event> implements EventListener<E> {
        final List<Call<E>> calls = new CopyOnWriteArrayList<>();
        private final Class<E> type;
        private final int failures;

        Recording(Class<E> type, int failures) {
            this.type = type;
            this.failures = failures;
        }

        @Override
        public Class<E> eventType() {
            return type;
        }

        @Override
        public void on(E event, EventMetadata metadata) {
            calls.add(new Call<>(event, metadata));
            if (calls.size() <= failures) {
                throw new IllegalStateException("listener failure " + calls.size());
            }
        }
    }

    /** A second class, so that its listener key differs from the flaky one's. */
    static final class SteadyListener extends Recording<OrderPlaced> {
        SteadyListener() {
            super(OrderPlaced.class, 0);
        }
    }
}
