package org.kontor.host.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;
import org.kontor.database.Database;
import org.kontor.host.plugins.FakeExtensions;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

@DatabaseTest(migrateHost = true)
class JobSchedulerTest {

    private final TestClock clock = TestClock.fixed();
    private final FakeExtensions extensions = new FakeExtensions();

    @BeforeEach
    void clean(Database db) {
        db.jdbi().useHandle(h -> h.execute("DELETE FROM job_schedule"));
    }

    @DbTest
    void twoHostsTickingTogetherRunEachDueRunOnce(Database db) throws Exception {
        CountingJob job = new CountingJob("renewals", 0);
        extensions.add("billing", ScheduledJob.class, job);
        JobScheduler first = scheduler(db, "host-a");
        JobScheduler second = scheduler(db, "host-b");
        first.tick(); // creates the row, first run one minute from now
        int rounds = 15;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < rounds; i++) {
                clock.advance(Duration.ofMinutes(1));
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Integer>> claims = new ArrayList<>();
                for (JobScheduler scheduler : List.of(first, second)) {
                    claims.add(threads.submit((Callable<Integer>) () -> {
                        together.await();
                        return scheduler.tick();
                    }));
                }
                int claimed = claims.get(0).get() + claims.get(1).get();
                assertThat(claimed).as("round %d", i).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(job.runs).hasSize(rounds);
        assertThat(job.runs.stream().map(JobRun::scheduledFor).distinct()).hasSize(rounds);
        List<String> keys = db.jdbi().withHandle(h ->
                h.createQuery("SELECT job_key FROM job_schedule").mapTo(String.class).list());
        assertThat(keys).containsExactly("billing:renewals");
    }

    @DbTest
    void aDueJobIsNotRunAgainUntilItsNextTime(Database db) {
        CountingJob job = new CountingJob("poll", 0);
        extensions.add("registry", ScheduledJob.class, job);
        JobScheduler scheduler = scheduler(db, "host-a");
        assertThat(scheduler.tick()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(scheduler.tick()).isEqualTo(1);
        assertThat(scheduler.tick()).isZero();
        clock.advance(Duration.ofSeconds(59));
        assertThat(scheduler.tick()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(scheduler.tick()).isEqualTo(1);
        assertThat(job.runs).hasSize(2);
    }

    @DbTest
    void anExpiredLeaseIsTakenOver(Database db) {
        CountingJob job = new CountingJob("janitor", 0);
        extensions.add("payments", ScheduledJob.class, job);
        Instant now = clock.instant();
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO job_schedule (job_key, next_run_at, lease_owner, "
                        + "lease_until, last_started_at) VALUES ('payments:janitor', :due, 'crashed-host', :until, :due)")
                .bind("due", now.minus(Duration.ofMinutes(5))).bind("until", now.plus(Duration.ofMinutes(2))).execute());
        JobScheduler scheduler = scheduler(db, "host-b");
        assertThat(scheduler.tick()).as("lease still held").isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(scheduler.tick()).isEqualTo(1);
        assertThat(job.runs).extracting(JobRun::scheduledFor).containsExactly(now.minus(Duration.ofMinutes(5)));
        Map<String, Object> row = row(db, "payments:janitor");
        assertThat(row.get("lease_owner")).isNull();
        assertThat(((Number) row.get("last_finished_at")).longValue()).isEqualTo(clock.millis());
        assertThat(((Number) row.get("next_run_at")).longValue())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(1)).toEpochMilli());
    }

    @DbTest
    void aThrowingJobRecordsTheErrorAndIsRescheduled(Database db) {
        CountingJob job = new CountingJob("flaky", 1);
        extensions.add("dns", ScheduledJob.class, job);
        JobScheduler scheduler = scheduler(db, "host-a");
        scheduler.tick();
        Instant due = clock.advance(Duration.ofMinutes(1));
        assertThat(scheduler.tick()).isEqualTo(1);
        Map<String, Object> failed = row(db, "dns:flaky");
        assertThat((String) failed.get("last_error")).contains("IllegalStateException").contains("boom 1");
        assertThat(failed.get("lease_owner")).isNull();
        assertThat(((Number) failed.get("next_run_at")).longValue()).isEqualTo(due.plus(Duration.ofMinutes(1)).toEpochMilli());

        clock.advance(Duration.ofMinutes(1));
        assertThat(scheduler.tick()).isEqualTo(1);
        assertThat(row(db, "dns:flaky").get("last_error")).isNull();
        assertThat(job.runs).hasSize(2);
    }

    @DbTest
    void missedRunsAreSkippedAndHostJobsRunToo(Database db) {
        CountingJob job = new CountingJob("outbox", 0);
        JobScheduler scheduler = scheduler(db, "host-a");
        scheduler.registerHostJob(job);
        scheduler.tick();
        Instant start = clock.instant();
        clock.advance(Duration.ofHours(3));
        assertThat(scheduler.tick()).isEqualTo(1);
        assertThat(scheduler.tick()).isZero();
        assertThat(job.runs).extracting(JobRun::scheduledFor).containsExactly(start.plus(Duration.ofMinutes(1)));
        assertThat(((Number) row(db, "host:outbox").get("next_run_at")).longValue())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(1)).toEpochMilli());
    }

    @DbTest
    void hostJobsFromASourceComeAndGoWithIt(Database db) {
        CountingJob sandbox = new CountingJob("registry-poll:sandbox", 0);
        CountingJob dk = new CountingJob("registry-poll:dk", 0);
        List<ScheduledJob> running = new CopyOnWriteArrayList<>(List.of(sandbox));
        JobScheduler scheduler = scheduler(db, "host-a");
        scheduler.registerHostJobs(() -> running);
        scheduler.tick();
        clock.advance(Duration.ofMinutes(1));

        assertThat(scheduler.tick()).isEqualTo(1);
        running.add(dk);
        scheduler.tick();
        clock.advance(Duration.ofMinutes(1));
        assertThat(scheduler.tick()).isEqualTo(2);
        running.remove(sandbox);
        clock.advance(Duration.ofMinutes(1));
        assertThat(scheduler.tick()).isEqualTo(1);

        assertThat(sandbox.runs).hasSize(2);
        assertThat(dk.runs).hasSize(2);
        assertThat(row(db, "host:registry-poll:dk")).isNotNull();
    }

    private JobScheduler scheduler(Database db, String owner) {
        return new JobScheduler(db.jdbi(), extensions, clock, owner, Runnable::run);
    }

    private static Map<String, Object> row(Database db, String key) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM job_schedule WHERE job_key = :key")
                .bind("key", key).mapToMap().one());
    }

    /** Counts its runs; throws in the first {@code failures} of them. */
    static final class CountingJob implements ScheduledJob {
        final List<JobRun> runs = new CopyOnWriteArrayList<>();
        private final String name;
        private final int failures;

        CountingJob(String name, int failures) {
            this.name = name;
            this.failures = failures;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Schedule schedule() {
            return Schedule.every(Duration.ofMinutes(1));
        }

        @Override
        public void run(JobRun run) {
            runs.add(run);
            if (runs.size() <= failures) {
                throw new IllegalStateException("boom " + runs.size());
            }
        }
    }
}
