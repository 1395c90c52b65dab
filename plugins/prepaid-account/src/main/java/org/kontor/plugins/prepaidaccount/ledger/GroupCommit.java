package org.kontor.plugins.prepaidaccount.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs the transactions of concurrent callers in one database transaction where a single writer would
 * otherwise run them one after another (SQLite). Each caller waits until its own work has committed, as
 * with {@link Jdbi#inTransaction}; the commit, and the hand-over of the one connection, are shared.
 *
 * <p>One caller at a time leads: it takes the waiting calls (its own among them), runs them in order in
 * one transaction and commits. The calls see each other's writes as if they had run one after another.
 * If one of them fails, the whole transaction is rolled back (with everything the calls registered for
 * after the commit), the failing call runs again in a transaction of its own, as it would have without
 * grouping, and the others are grouped again; so a failed call leaves no trace and its after-commit work
 * never runs, and the others commit once, with their after-commit work run once.
 *
 * <p>A call may also name its work, so that a {@link Together} given to the group commit can do the work of a
 * group's calls at once, before they run (with fewer statements than the calls one by one); a call whose work was
 * done so is answered without running its callback, the others run theirs after it. A call running alone always
 * runs its callback.
 *
 * <p>A call made while the thread already has a handle of this Jdbi open joins that handle's transaction,
 * as {@link Jdbi#inTransaction} does.
 */
final class GroupCommit<W> {

    /**
     * Does together, in a group's transaction and before its calls run, what it can of their work: a call
     * may name its work (else null) as well as its callback.
     */
    @FunctionalInterface
    interface Together<W> {

        /**
         * @param work each call's work in the group's order, null for a call that named none
         * @return each call's result where its work was done here, else null: that call's callback runs
         */
        Object[] run(Handle transaction, List<W> work) throws Exception;
    }

    private final Jdbi jdbi;
    private final int maxBatch;
    private final Together<W> together;
    private final ConcurrentLinkedQueue<Call<W, ?>> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock leader = new ReentrantLock();

    GroupCommit(Jdbi jdbi, int maxBatch) {
        this(jdbi, maxBatch, null);
    }

    /** A group commit whose groups first do together what {@code together} can of their calls' work. */
    GroupCommit(Jdbi jdbi, int maxBatch, Together<W> together) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one call, not " + maxBatch);
        }
        this.jdbi = jdbi;
        this.maxBatch = maxBatch;
        this.together = together;
    }

    /** Runs {@code callback} in a transaction, possibly shared with concurrent calls; returns once it committed. */
    <R, X extends Exception> R inTransaction(HandleCallback<R, X> callback) throws X {
        return inTransaction(null, callback);
    }

    /**
     * As {@link #inTransaction(HandleCallback)}, where {@code work} says what the call does so that a group can do
     * it together with others' (the callback then does not run); the callback does the same work alone.
     */
    <R, X extends Exception> R inTransaction(W work, HandleCallback<R, X> callback) throws X {
        if (jdbi.getHandleScope().get() != null) {
            return jdbi.inTransaction(callback);
        }
        Call<W, R> call = new Call<>(work, callback);
        waiting.add(call);
        while (!call.done) {
            if (leader.tryLock()) {
                try {
                    while (!call.done) {
                        runBatch(take());
                    }
                } finally {
                    leader.unlock();
                }
                // Calls that came while this thread led have no leader yet: wake the first to lead them.
                Call<W, ?> next = waiting.peek();
                if (next != null) {
                    LockSupport.unpark(next.thread);
                }
            } else {
                LockSupport.park(this);
            }
        }
        return call.outcome();
    }

    /** How many calls wait for a leader to run them. */
    int waiting() {
        return waiting.size();
    }

    private List<Call<W, ?>> take() {
        List<Call<W, ?>> batch = new ArrayList<>();
        for (Call<W, ?> call = waiting.poll(); call != null; call = batch.size() < maxBatch ? waiting.poll() : null) {
            batch.add(call);
        }
        return batch;
    }

    /**
     * Runs the calls in one transaction. When call k fails, the transaction is rolled back with all its
     * after-commit work; the calls before k run again together (they succeeded in this order), call k runs
     * alone so that its failure is its own, and the calls after it form the next group. When the commit
     * itself fails, every call runs alone. When the work done together fails, the first call is taken to have
     * failed: it runs alone and the others are grouped again. A call running alone runs its callback.
     */
    private void runBatch(List<Call<W, ?>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() == 1) {
            runAlone(batch.get(0));
            return;
        }
        List<Object> results = new ArrayList<>(batch.size());
        boolean[] committed = {false};
        try {
            jdbi.useTransaction(h -> {
                h.afterCommit(() -> committed[0] = true); // runs first of all after-commit work
                Object[] done = runTogether(h, batch);
                for (int i = 0; i < batch.size(); i++) {
                    results.add(done != null && done[i] != null ? done[i] : batch.get(i).callback.withHandle(h));
                }
            });
        } catch (Throwable failure) {
            if (!committed[0]) {
                int failed = results.size();
                if (failed < batch.size()) {
                    runBatch(batch.subList(0, failed));
                    runAlone(batch.get(failed));
                    runBatch(batch.subList(failed + 1, batch.size()));
                } else {
                    batch.forEach(this::runAlone);
                }
                return;
            }
            // The calls committed and some after-commit work failed, as it may after a single transaction.
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).complete(results.get(i), null);
        }
    }

    private Object[] runTogether(Handle h, List<Call<W, ?>> batch) throws Exception {
        if (together == null) {
            return null;
        }
        List<W> work = new ArrayList<>(batch.size());
        for (Call<W, ?> call : batch) {
            work.add(call.work);
        }
        Object[] done = together.run(h, work);
        if (done.length != batch.size()) {
            throw new IllegalStateException(done.length + " results for " + batch.size() + " calls");
        }
        return done;
    }

    private void runAlone(Call<W, ?> call) {
        try {
            call.complete(jdbi.inTransaction(call.callback), null);
        } catch (Throwable failure) {
            call.complete(null, failure);
        }
    }

    private static final class Call<W, R> {

        final W work;
        final HandleCallback<R, ? extends Exception> callback;
        final Thread thread = Thread.currentThread();
        private Object result;
        private Throwable failure;
        volatile boolean done;

        Call(W work, HandleCallback<R, ? extends Exception> callback) {
            this.work = work;
            this.callback = callback;
        }

        void complete(Object result, Throwable failure) {
            this.result = result;
            this.failure = failure;
            this.done = true;
            LockSupport.unpark(thread);
        }

        @SuppressWarnings("unchecked")
        <X extends Exception> R outcome() throws X {
            if (failure == null) {
                return (R) result;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw (X) failure; // the callback's own checked exception
        }
    }
}
