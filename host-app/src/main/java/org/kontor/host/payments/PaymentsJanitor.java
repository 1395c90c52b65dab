package org.kontor.host.payments;

import java.time.Clock;
import java.time.Duration;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;
import org.kontor.host.payments.webhooks.WebhookInbox;
import org.kontor.host.payments.webhooks.WebhookProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles what stayed open: asks the gateway about PENDING and UNDEFINED payments whose next check has come (with
 * back-off between the questions), carries out processed payments' effects a stopped host left undone, and tries
 * again webhooks that could not be applied (a notification that arrived before its payment's reference was recorded).
 */
public final class PaymentsJanitor implements ScheduledJob {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentsJanitor.class);
    private static final int BATCH = 200;
    /** A FAILED webhook is tried again for a day, at most this often; after that it waits for the operator. */
    private static final int WEBHOOK_TRIES = 10;

    private final Payments payments;
    private final WebhookInbox inbox;
    private final WebhookProcessor webhooks;
    private final Clock clock;
    private final Duration interval;

    public PaymentsJanitor(Payments payments, WebhookInbox inbox, WebhookProcessor webhooks, Clock clock,
                           Duration interval) {
        this.payments = payments;
        this.inbox = inbox;
        this.webhooks = webhooks;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "payments-janitor";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(interval);
    }

    @Override
    public void run(JobRun run) {
        settleOpenPayments();
    }

    /** One pass; the number of payments asked about. */
    public int settleOpenPayments() {
        for (Payment payment : payments.unapplied(BATCH)) {
            try {
                payments.apply(payment.id());
            } catch (RuntimeException e) {
                LOG.error("Carrying out payment {} failed; the next run tries again", payment.id(), e);
            }
        }
        int asked = 0;
        for (Payment payment : payments.dueForCheck(BATCH)) {
            try {
                payments.check(payment);
                asked++;
            } catch (RuntimeException e) {
                LOG.error("Settling payment {} failed; the next run tries again", payment.id(), e);
            }
        }
        for (String id : inbox.retryable(clock.instant().minus(Duration.ofDays(1)), WEBHOOK_TRIES, BATCH)) {
            try {
                webhooks.process(id);
            } catch (RuntimeException e) {
                LOG.error("Processing webhook {} again failed", id, e);
            }
        }
        return asked;
    }
}
