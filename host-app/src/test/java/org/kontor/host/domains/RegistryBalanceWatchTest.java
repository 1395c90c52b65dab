package org.kontor.host.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.host.domains.ScriptedRegistry.dkk;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.event.RegistryBalanceLow;
import org.kontor.api.registry.RegistryBalance;
import org.kontor.database.Database;
import org.kontor.host.mail.QueuedMailer;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.TestClock;

/** One low-balance alert per crossing: an e-mail to the operator through the queue and an event. */
@DatabaseTest(migrateHost = true)
class RegistryBalanceWatchTest {

    private final TestClock clock = TestClock.at(Instant.parse("2026-03-01T12:00:00Z"));
    private final RecordingEvents events = new RecordingEvents();
    private Domains domains;
    private RegistryBalanceWatch watch;

    @BeforeEach
    void setUp(Database db) {
        Domains.clear(db);
        db.jdbi().useHandle(h -> {
            h.execute("DELETE FROM mail_attachment");
            h.execute("DELETE FROM mail_queue");
        });
        domains = new Domains(db, clock);
        watch = new RegistryBalanceWatch(domains.extensions, db.jdbi(), clock, new QueuedMailer(db.jdbi(), clock, id -> { }),
                events, () -> Optional.of("ops@example.net"), Duration.ofHours(1));
    }

    private static RegistryBalance available(String amount) {
        return new RegistryBalance(dkk(amount), dkk("0"), dkk(amount), dkk("1000.00"));
    }

    private static int mails(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM mail_queue").mapTo(Integer.class).one());
    }

    @DbTest
    void alertsOncePerCrossing(Database db) {
        domains.registry.balance(available("5000.00"));
        assertThat(watch.checkAll()).isZero();

        domains.registry.balance(available("900.00"));
        assertThat(watch.checkAll()).isEqualTo(1);
        domains.registry.balance(available("400.00"));
        assertThat(watch.checkAll()).as("still low: no second alert").isZero();

        assertThat(mails(db)).isEqualTo(1);
        assertThat(events.published()).hasSize(1);
        RegistryBalanceLow event = (RegistryBalanceLow) events.published().get(0);
        assertThat(event.registryId()).isEqualTo("scripted");
        assertThat(event.availableCredit()).isEqualTo(dkk("900.00"));
        String recipient = db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM mail_queue")
                .mapToMap().one().toString());
        assertThat(recipient).contains("ops@example.net").contains("scripted");

        domains.registry.balance(available("3000.00"));
        assertThat(watch.checkAll()).isZero();
        domains.registry.balance(available("100.00"));
        assertThat(watch.checkAll()).as("a new crossing after a top-up").isEqualTo(1);
        assertThat(mails(db)).isEqualTo(2);
    }

    @DbTest
    void aRegistryWithoutThresholdNeverAlerts(Database db) {
        domains.registry.balance(RegistryBalance.ofBalance(dkk("1.00")));

        assertThat(watch.checkAll()).isZero();
        assertThat(mails(db)).isZero();
    }
}
