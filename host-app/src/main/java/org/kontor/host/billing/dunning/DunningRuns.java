package org.kontor.host.billing.dunning;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.event.DunningEscalated;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.mail.MailMessage;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceStore;
import org.kontor.host.billing.Party;
import org.kontor.host.billing.profile.BillingProfiles;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.Customers;
import org.kontor.host.mail.QueuedMailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dunning runs (ADM-8). A run takes the overdue, unpaid invoices ({@link DunningStore#overdue}) customer by customer:
 * for each invoice the next level whose day has come ({@link InvoicePlan}), unless the customer is excluded; then, in
 * one transaction per customer, it records each level (at most once per invoice and level, so a second run at the same
 * time records nothing and sends nothing), queues one notice listing those invoices and publishes
 * {@link DunningEscalated} for each invoice that reached the last level.
 *
 * <p>A dry run computes the same and writes nothing: no level, no mail, no event, no run row. Its progress and result
 * are kept in memory on the host that ran it (the last {@value #KEPT_PREVIEWS}).
 */
public final class DunningRuns {

    static final int KEPT_PREVIEWS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(DunningRuns.class);

    private final Jdbi jdbi;
    private final DunningStore store;
    private final InvoiceStore invoices;
    private final Customers customers;
    private final BillingProfiles profiles;
    private final DunningNotice notice;
    private final QueuedMailer mailer;
    private final EventPublisher events;
    private final DunningConfig config;
    private final Clock clock;
    private final Executor background;
    private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();
    private final Map<String, Progress> previews = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Progress> eldest) {
            return size() > KEPT_PREVIEWS;
        }
    };

    /** @param background where {@link #start} runs a run; a single thread is enough */
    public DunningRuns(Jdbi jdbi, DunningStore store, InvoiceStore invoices, Customers customers, BillingProfiles profiles,
                       DunningNotice notice, QueuedMailer mailer, EventPublisher events, DunningConfig config, Clock clock,
                       Executor background) {
        this.jdbi = jdbi;
        this.store = store;
        this.invoices = invoices;
        this.customers = customers;
        this.profiles = profiles;
        this.notice = notice;
        this.mailer = mailer;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.background = background;
    }

    public DunningConfig config() {
        return config;
    }

    /** Starts a run in the background; its id, for {@link #find}. */
    public String start(boolean dryRun) {
        LocalDate today = today();
        Progress progress = begin(dryRun, today);
        background.execute(() -> execute(progress, today));
        return progress.id;
    }

    /** Runs a run now, in the caller's thread, and answers how it ended. */
    public DunningRunView run(boolean dryRun) {
        LocalDate today = today();
        Progress progress = begin(dryRun, today);
        execute(progress, today);
        return dryRun ? progress.view() : store.run(progress.id).orElseThrow();
    }

    /** A run by its id: a stored one, or a dry run this host made recently. */
    public Optional<DunningRunView> find(String id) {
        Progress preview;
        synchronized (previews) {
            preview = previews.get(id);
        }
        return preview != null ? Optional.of(preview.view()) : store.run(id);
    }

    /** The newest stored runs with their results, newest first (dry runs are not stored). */
    public List<DunningRunView> recent(int limit) {
        return store.recentRunIds(limit).stream().flatMap(id -> store.run(id).stream()).toList();
    }

    /** The run's progress: kept in memory for a dry run, stored for a real one (whose rows say the rest). */
    private Progress begin(boolean dryRun, LocalDate today) {
        Progress progress = new Progress(ids.generate().toString(), dryRun, today, clock.instant());
        if (dryRun) {
            synchronized (previews) {
                previews.put(progress.id, progress);
            }
        } else {
            store.startRun(progress.id, today);
        }
        return progress;
    }

    private LocalDate today() {
        return clock.instant().atZone(config.zone()).toLocalDate();
    }

    private void execute(Progress run, LocalDate today) {
        try {
            Map<String, List<String>> byCustomer = new LinkedHashMap<>();
            List<DunningStore.Candidate> candidates = store.overdue(today);
            candidates.forEach(c -> byCustomer.computeIfAbsent(c.customerId(), k -> new ArrayList<>()).add(c.invoiceId()));
            if (run.dryRun) {
                run.total(candidates.size());
            } else {
                store.total(run.id, candidates.size());
            }
            for (Map.Entry<String, List<String>> customer : byCustomer.entrySet()) {
                customer(run, customer.getKey(), customer.getValue(), today);
            }
            if (run.dryRun) {
                run.finish(RunState.DONE, null, clock.instant());
            } else {
                store.finish(run.id, RunState.DONE, null);
            }
            LOG.info("Dunning run {} ({}) looked at {} invoices", run.id, run.dryRun ? "dry" : "sending",
                    candidates.size());
        } catch (RuntimeException e) {
            LOG.error("Dunning run {} failed", run.id, e);
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (run.dryRun) {
                run.finish(RunState.FAILED, error, clock.instant());
            } else {
                store.finish(run.id, RunState.FAILED, error);
            }
        }
    }

    /** One customer's invoices. */
    private void customer(Progress run, String customerId, List<String> invoiceIds, LocalDate today) {
        String runId = run.id;
        List<InvoiceResult> results = new ArrayList<>();
        List<InvoicePlan> due = new ArrayList<>();
        boolean excluded = profiles.of(customerId).dunningExcluded();
        for (String invoiceId : invoiceIds) {
            Optional<Invoice> found = invoices.find(invoiceId);
            if (found.isEmpty()) {
                continue;
            }
            Invoice invoice = found.get();
            InvoicePlan plan = InvoicePlan.of(invoice, invoices.credited(invoiceId), store.history(invoiceId), config,
                    today);
            if (!plan.outstanding().isPositive()) {
                results.add(plan.result(Outcome.SETTLED));
            } else if (excluded) {
                results.add(plan.result(Outcome.EXCLUDED));
            } else if (plan.outcome() == Outcome.DUNNED) {
                due.add(plan);
            } else {
                results.add(plan.result(plan.outcome()));
            }
        }
        Optional<Party> buyer = due.isEmpty() ? Optional.empty() : profiles.buyer(customerId)
                .filter(party -> party.email() != null && !party.email().isBlank());
        if (!due.isEmpty() && buyer.isEmpty()) {
            due.forEach(plan -> results.add(plan.result(Outcome.NO_ADDRESS)));
            due.clear();
        }
        String language = customers.find(customerId).map(Customer::language)
                .orElseGet(() -> due.isEmpty() ? "en" : due.get(0).invoice().language());
        if (run.dryRun) {
            due.forEach(plan -> results.add(plan.result(Outcome.DUNNED)));
            run.add(results, due.isEmpty() ? 0 : 1);
            return;
        }
        if (due.isEmpty()) {
            store.results(runId, results);
            return;
        }
        try {
            jdbi.useTransaction(h -> {
                List<InvoiceResult> done = new ArrayList<>(results);
                List<InvoicePlan> recorded = new ArrayList<>();
                for (InvoicePlan plan : due) {
                    if (!store.stillUnpaid(h, plan.invoice().id(), plan.invoice().paid().toMinorUnits())) {
                        done.add(plan.result(Outcome.SETTLED));
                    } else if (!store.record(h, runId, plan, today)) {
                        done.add(plan.result(Outcome.TAKEN));
                    } else {
                        recorded.add(plan);
                        done.add(plan.result(Outcome.DUNNED));
                    }
                }
                if (!recorded.isEmpty()) {
                    MailMessage message = notice.compose(language, buyer.get(), recorded);
                    String mailId;
                    try {
                        mailId = mailer.send(h, message);
                    } catch (IllegalArgumentException e) {
                        throw new UnusableAddress(e);
                    }
                    store.mailSent(h, runId, customerId, mailId);
                    for (InvoicePlan plan : recorded) {
                        if (plan.level().isLast()) {
                            events.publish(h, new DunningEscalated(customerId, plan.invoice().id(),
                                    plan.invoice().number(), plan.level().name(), plan.outstanding()));
                        }
                    }
                }
                store.results(h, runId, done, recorded.isEmpty() ? 0 : 1);
            });
        } catch (UnusableAddress e) {
            LOG.warn("Dunning run {}: no notice for customer {}: {}", runId, customerId, e.getCause().getMessage());
            due.forEach(plan -> results.add(plan.result(Outcome.NO_ADDRESS)));
            store.results(runId, results);
        }
    }

    /** The customer's address was refused by the mailer; the transaction rolls back. */
    private static final class UnusableAddress extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnusableAddress(IllegalArgumentException cause) {
            super(cause);
        }
    }

    /** A run's id and kind; for a dry run also its progress and results, which are kept only here. */
    private static final class Progress {
        private final String id;
        private final boolean dryRun;
        private final LocalDate asOf;
        private final Instant startedAt;
        private final List<InvoiceResult> results = new ArrayList<>();
        private RunState state = RunState.RUNNING;
        private int total;
        private int mails;
        private String error;
        private Instant finishedAt;

        Progress(String id, boolean dryRun, LocalDate asOf, Instant startedAt) {
            this.id = id;
            this.dryRun = dryRun;
            this.asOf = asOf;
            this.startedAt = startedAt;
        }

        synchronized void total(int count) {
            total = count;
        }

        synchronized void add(List<InvoiceResult> more, int moreMails) {
            results.addAll(more);
            mails += moreMails;
        }

        synchronized void finish(RunState end, String why, Instant at) {
            state = end;
            error = why;
            finishedAt = at;
        }

        synchronized DunningRunView view() {
            return new DunningRunView(id, true, state, asOf, total, results.size(), mails, error, startedAt, finishedAt,
                    results);
        }
    }
}
