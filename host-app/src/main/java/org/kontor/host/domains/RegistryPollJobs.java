package org.kontor.host.domains;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.RegistryCapability;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host job per running registry with the {@link RegistryCapability#POLL} capability, named
 * {@code registry-poll:<registry-id>}: each has its own lease, so a slow registry holds back no other.
 */
public final class RegistryPollJobs {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryPollJobs.class);

    private final Extensions extensions;
    private final RegistryPoller poller;
    private final Duration interval;
    private final Set<String> unavailable = ConcurrentHashMap.newKeySet();

    public RegistryPollJobs(Extensions extensions, RegistryPoller poller, Duration interval) {
        this.extensions = extensions;
        this.poller = poller;
        this.interval = interval;
    }

    /**
     * The jobs for the registries running now. A registry that is not configured yet or cannot say what it
     * offers is left out until it can; the others are not held back by it.
     */
    public List<ScheduledJob> jobs() {
        List<ScheduledJob> jobs = new ArrayList<>();
        for (Contribution<DomainRegistry> contribution : extensions.of(DomainRegistry.class)) {
            try {
                if (contribution.extension().capabilities().contains(RegistryCapability.POLL)) {
                    jobs.add(new PollJob(contribution.extension()));
                }
                unavailable.remove(contribution.pluginId());
            } catch (RuntimeException e) {
                if (unavailable.add(contribution.pluginId())) {
                    LOG.warn("The registry of plugin {} is not polled until it can be reached: {}",
                            contribution.pluginId(), e.getMessage());
                }
            }
        }
        return List.copyOf(jobs);
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
