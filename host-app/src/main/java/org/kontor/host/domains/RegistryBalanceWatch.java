package org.kontor.host.domains;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.event.RegistryBalanceLow;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;
import org.kontor.api.mail.MailMessage;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.RegistryBalance;
import org.kontor.api.registry.RegistryCapability;
import org.kontor.host.mail.QueuedMailer;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every running registry for its balance (EPP-3) and, when what can still be spent falls to the
 * registry's low-balance threshold or below, queues one e-mail to the operator's address and publishes a
 * {@link RegistryBalanceLow} event, in one transaction. One alert per crossing: the next comes only after the
 * balance was seen above the threshold again (table {@code registry_balance_alert}).
 */
public final class RegistryBalanceWatch implements ScheduledJob {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryBalanceWatch.class);

    private final Extensions extensions;
    private final Jdbi jdbi;
    private final Clock clock;
    private final QueuedMailer mailer;
    private final EventPublisher events;
    private final Supplier<Optional<String>> operatorAddress;
    private final Duration interval;

    /** @param operatorAddress where alerts go (the {@code operator.email} setting); no e-mail when empty */
    public RegistryBalanceWatch(Extensions extensions, Jdbi jdbi, Clock clock, QueuedMailer mailer, EventPublisher events,
                                Supplier<Optional<String>> operatorAddress, Duration interval) {
        this.extensions = extensions;
        this.jdbi = jdbi;
        this.clock = clock;
        this.mailer = mailer;
        this.events = events;
        this.operatorAddress = operatorAddress;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "registry-balance";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(interval);
    }

    @Override
    public void run(JobRun run) {
        checkAll();
    }

    /** @return how many alerts were raised */
    public int checkAll() {
        int alerts = 0;
        for (Contribution<DomainRegistry> contribution : extensions.of(DomainRegistry.class)) {
            DomainRegistry registry = contribution.extension();
            if (!registry.capabilities().contains(RegistryCapability.BALANCE)) {
                continue;
            }
            try {
                Optional<RegistryBalance> balance = registry.registryBalance();
                if (balance.isPresent() && check(registry.registryId(), balance.get())) {
                    alerts++;
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not check the balance at registry {}", registry.registryId(), e);
            }
        }
        return alerts;
    }

    /** @return whether this check raised an alert */
    boolean check(String registryId, RegistryBalance balance) {
        boolean low = balance.isLow();
        long now = clock.millis();
        return jdbi.inTransaction(h -> {
            Optional<Boolean> wasLow = h.createQuery("SELECT low FROM registry_balance_alert WHERE registry_id = :id")
                    .bind("id", registryId).mapTo(Integer.class).findOne().map(v -> v == 1);
            boolean alert = low && !wasLow.orElse(false);
            h.createUpdate("INSERT INTO registry_balance_alert (registry_id, low, checked_at, alerted_at) "
                            + "VALUES (:id, :low, :now, :alerted) ON CONFLICT (registry_id) DO UPDATE SET low = excluded.low, "
                            + "checked_at = excluded.checked_at, "
                            + "alerted_at = COALESCE(excluded.alerted_at, registry_balance_alert.alerted_at)")
                    .bind("id", registryId).bind("low", low ? 1 : 0).bind("now", now)
                    .bind("alerted", alert ? now : null).execute();
            if (!alert) {
                return false;
            }
            LOG.warn("The balance at registry {} is low: {} available, threshold {}", registryId,
                    balance.availableCredit(), balance.lowBalanceThreshold());
            events.publish(h, new RegistryBalanceLow(registryId, balance.availableCredit(), balance.lowBalanceThreshold(),
                    clock.instant()));
            operatorAddress.get().filter(a -> !a.isBlank()).ifPresent(address -> mailer.send(h, MailMessage.text(address,
                    "Low balance at registry " + registryId,
                    "The registrar account at registry " + registryId + " is low.\n\n"
                            + "Available: " + balance.availableCredit() + "\n"
                            + "Balance: " + balance.balance() + "\n"
                            + "Credit limit: " + balance.creditLimit() + "\n"
                            + "Threshold: " + balance.lowBalanceThreshold() + "\n\n"
                            + "Top up the account at the registry before creates and renewals fail with 2104 Billing failure.\n")));
            return true;
        });
    }
}
