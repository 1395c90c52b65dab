package org.kontor.api.job;

import java.time.Instant;

/**
 * One run of a job.
 *
 * @param scheduledFor the time the run was due
 * @param startedAt    the time it started, from the host's clock
 */
public record JobRun(Instant scheduledFor, Instant startedAt) {
}
