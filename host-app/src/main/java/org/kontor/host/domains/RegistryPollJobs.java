package org.kontor.host.domains;

import java.time.Duration;
import java.util.List;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.RegistryCapability;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;

/**
 * One host job per running registry with the {@link RegistryCapability#POLL} capability, named
 * {@code registry-poll:<registry-id>}: each has its own lease, so a slow registry holds back no other.
 */
public final class RegistryPollJobs {

    private final Extensions extensions;
    private final RegistryPoller poller;
    private final Duration interval;

    public RegistryPollJobs(Extensions extensions, RegistryPoller poller, Duration interval) {
        this.extensions = extensions;
        this.poller = poller;
        this.interval = interval;
    }

    /** The jobs for the registries running now. */
    public List<ScheduledJob> jobs() {
        return extensions.of(DomainRegistry.class).stream().map(Contribution::extension)
                .filter(registry -> registry.capabilities().contains(RegistryCapability.POLL))
                .map(registry -> (ScheduledJob) new PollJob(registry)).toList();
    }

    private final class PollJob implements ScheduledJob {

        private final DomainRegistry registry;

        PollJob(DomainRegistry registry) {
            this.registry = registry;
        }

        @Override
        public String name() {
            return "registry-poll:" + registry.registryId();
        }

        @Override
        public Schedule schedule() {
            return Schedule.every(interval);
        }

        @Override
        public void run(JobRun run) {
            poller.drain(registry);
        }
    }
}
