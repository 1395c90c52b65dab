package org.kontor.host.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.ScheduledJob;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the plugins' {@link ScheduledJob}s and the host's own jobs from the persistent table
 * {@code job_schedule}, so that with several hosts on one database each run happens once.
 *
 * <p>On every tick each known job gets a row (first run at {@code schedule.nextAfter(now)}); a due job is
 * claimed with one conditional UPDATE that succeeds only while its lease is free or expired, then run
 * outside any transaction. The finish records the error, if any, frees the lease and sets the next run
 * time. A job whose lease expires while it still runs may be taken over by another host.
 */
public final class JobScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final Jdbi jdbi;
    private final Extensions extensions;
    private final Clock clock;
    private final String ownerId;
    private final Executor runner;
    private final Map<String, ScheduledJob> hostJobs = new ConcurrentHashMap<>();
    private final List<Supplier<? extends Collection<ScheduledJob>>> hostJobSources = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService ticker;

    /**
     * @param ownerId unique per host instance (for example host name and process id)
     * @param runner  runs claimed jobs; a pool, so one slow job does not hold back the others
     */
    public JobScheduler(Jdbi jdbi, Extensions extensions, Clock clock, String ownerId, Executor runner) {
        this.jdbi = jdbi;
        this.extensions = extensions;
        this.clock = clock;
        this.ownerId = Objects.requireNonNull(ownerId, "ownerId");
        this.runner = runner;
    }

    /** Adds a job of the host itself, stored as {@code host:<name>}. */
    public void registerHostJob(ScheduledJob job) {
        hostJobs.put("host:" + job.name(), job);
    }

    /**
     * Adds host jobs that come and go with the plugins, asked for on every tick: e.g. one poll job per running
     * registry. Each is stored as {@code host:<name>}, so names must be unique among host jobs.
     */
    public void registerHostJobs(Supplier<? extends Collection<ScheduledJob>> source) {
        hostJobSources.add(source);
    }

    /** Ticks every {@code interval} on a thread of its own until {@link #close()}. */
    public synchronized void start(Duration interval) {
        if (ticker != null) {
            throw new IllegalStateException("already started");
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kontor-jobs-" + ownerId);
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::tickQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    /**
     * Claims every due job whose lease is free and hands it to the runner.
     *
     * @return the number of runs claimed
     */
    public int tick() {
        int claimed = 0;
        for (Map.Entry<String, ScheduledJob> job : currentJobs().entrySet()) {
            try {
                if (claimAndRun(job.getKey(), job.getValue())) {
                    claimed++;
                }
            } catch (RuntimeException e) {
                LOG.error("Could not schedule job {}", job.getKey(), e);
            }
        }
        return claimed;
    }

    private Map<String, ScheduledJob> currentJobs() {
        Map<String, ScheduledJob> jobs = new LinkedHashMap<>(hostJobs);
        for (Supplier<? extends Collection<ScheduledJob>> source : hostJobSources) {
            try {
                source.get().forEach(job -> jobs.putIfAbsent("host:" + job.name(), job));
            } catch (RuntimeException e) {
                LOG.error("Could not list host jobs of {}", source, e);
            }
        }
        for (Contribution<ScheduledJob> contribution : extensions.of(ScheduledJob.class)) {
            jobs.put(contribution.pluginId() + ":" + contribution.extension().name(), contribution.extension());
        }
        return jobs;
    }

    private boolean claimAndRun(String key, ScheduledJob job) {
        Instant now = clock.instant();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO job_schedule (job_key, next_run_at) VALUES (:key, :next) "
                        + "ON CONFLICT (job_key) DO NOTHING")
                .bind("key", key).bind("next", job.schedule().nextAfter(now)).execute());
        Optional<Instant> due = jdbi.withHandle(h -> h.createQuery("SELECT next_run_at FROM job_schedule "
                        + "WHERE job_key = :key AND next_run_at <= :now AND (lease_owner IS NULL OR lease_until <= :now)")
                .bind("key", key).bind("now", now).mapTo(Instant.class).findOne());
        if (due.isEmpty()) {
            return false;
        }
        int updated = jdbi.withHandle(h -> h.createUpdate("UPDATE job_schedule SET lease_owner = :owner, "
                        + "lease_until = :until, last_started_at = :now WHERE job_key = :key AND next_run_at = :due "
                        + "AND (lease_owner IS NULL OR lease_until <= :now)")
                .bind("owner", ownerId).bind("until", now.plus(job.lease())).bind("now", now)
                .bind("key", key).bind("due", due.get()).execute());
        if (updated == 0) {
            return false; // another host claimed it first
        }
        runner.execute(() -> run(key, job, due.get(), now));
        return true;
    }

    private void run(String key, ScheduledJob job, Instant scheduledFor, Instant startedAt) {
        String error = null;
        try {
            job.run(new JobRun(scheduledFor, startedAt));
        } catch (Exception | LinkageError e) {
            LOG.error("Job {} failed (run due at {})", key, scheduledFor, e);
            error = describe(e);
        }
        try {
            finish(key, job, scheduledFor, startedAt, error);
        } catch (RuntimeException e) {
            LOG.error("Could not record the end of job {}; its lease expires at the latest {} after the start",
                    key, job.lease(), e);
        }
    }

    private void finish(String key, ScheduledJob job, Instant scheduledFor, Instant startedAt, String error) {
        Instant finishedAt = clock.instant();
        Instant next = job.schedule().nextAfter(scheduledFor);
        if (!next.isAfter(finishedAt)) {
            next = job.schedule().nextAfter(finishedAt); // missed runs are skipped, not caught up one by one
        }
        Instant nextRun = next;
        int updated = jdbi.withHandle(h -> h.createUpdate("UPDATE job_schedule SET lease_owner = NULL, "
                        + "lease_until = NULL, last_finished_at = :finished, last_error = :error, next_run_at = :next "
                        + "WHERE job_key = :key AND lease_owner = :owner AND last_started_at = :started")
                .bind("finished", finishedAt).bind("error", error).bind("next", nextRun)
                .bind("key", key).bind("owner", ownerId).bind("started", startedAt).execute());
        if (updated == 0) {
            LOG.warn("Job {} ran longer than its lease of {}; another host has taken it over", key, job.lease());
        }
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.error("Job tick failed", e);
        }
    }

    private static String describe(Throwable e) {
        String text = e.getClass().getName() + ": " + e.getMessage();
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }
}
