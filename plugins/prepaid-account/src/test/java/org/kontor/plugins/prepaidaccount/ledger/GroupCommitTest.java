package org.kontor.plugins.prepaidaccount.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * Calls grouped into one transaction: each commits once with its after-commit work run once; a failing call
 * leaves no trace and its after-commit work never runs, and the others still commit.
 */
@DatabaseTest(plugins = "prepaid-account")
class GroupCommitTest {

    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> afterCommits = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> afterRollbacks = new ConcurrentHashMap<>();
    private final List<Handle> handles = new ArrayList<>();

    @DbTest
    void callsWaitingTogetherCommitInOneTransactionAndRunTheirAfterCommitWorkOnce(Database database) throws Exception {
        GroupCommit<String> group = new GroupCommit<>(database.jdbi(), 64);
        createTable(database);

        List<Future<String>> calls = whileOneCallLeads(group, "b", "c", "d");

        for (Future<String> call : calls) {
            call.get(30, TimeUnit.SECONDS);
        }
        assertThat(rows(database)).containsExactlyInAnyOrder("a", "b", "c", "d");
        for (String id : List.of("a", "b", "c", "d")) {
            assertThat(count(runs, id)).as("runs of " + id).isEqualTo(1);
            assertThat(count(afterCommits, id)).as("after-commit work of " + id).isEqualTo(1);
        }
        synchronized (handles) {
            assertThat(handles.subList(1, 4)).as("b, c and d ran in one transaction").allMatch(h -> h == handles.get(1));
        }
    }

    @DbTest
    void aFailingCallLeavesNoTraceAndItsAfterCommitWorkNeverRunsWhileTheOthersCommitOnce(Database database)
            throws Exception {
        GroupCommit<String> group = new GroupCommit<>(database.jdbi(), 64);
        createTable(database);

        List<Future<String>> calls = whileOneCallLeads(group, "b", "fail-c", "d");

        assertThat(calls.get(0).get(30, TimeUnit.SECONDS)).isEqualTo("b");
        assertThatThrownBy(() -> calls.get(1).get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("fail-c refuses");
        assertThat(calls.get(2).get(30, TimeUnit.SECONDS)).isEqualTo("d");

        assertThat(rows(database)).containsExactlyInAnyOrder("a", "b", "d");
        assertThat(count(afterCommits, "fail-c")).as("after-commit work of the failed call").isZero();
        assertThat(count(afterCommits, "b")).isEqualTo(1);
        assertThat(count(afterCommits, "d")).isEqualTo(1);
        // The group was rolled back at c, and each call ran again on its own.
        assertThat(count(runs, "b")).isEqualTo(2);
        assertThat(count(runs, "d")).as("d did not run in the rolled-back group, which stopped at c").isEqualTo(1);
        assertThat(count(afterRollbacks, "b")).isEqualTo(1);
    }

    @DbTest
    void workDoneTogetherAnswersItsCallsWithoutTheirCallbacksAndTheOthersRunAfterIt(Database database) throws Exception {
        List<List<String>> groupsOfWork = new CopyOnWriteArrayList<>();
        List<String> ranBeforeTogether = new CopyOnWriteArrayList<>();
        GroupCommit<String> group = new GroupCommit<>(database.jdbi(), 64, (h, work) -> {
            groupsOfWork.add(new ArrayList<>(work));
            ranBeforeTogether.addAll(rowsIn(h));
            Object[] done = new Object[work.size()];
            for (int i = 0; i < work.size(); i++) {
                if (work.get(i).startsWith("together")) {
                    h.execute("INSERT INTO group_commit_test (id) VALUES (?)", work.get(i));
                    done[i] = work.get(i) + " done together";
                }
            }
            return done;
        });
        createTable(database);

        List<Future<String>> calls = whileOneCallLeads(group, "b", "together-c", "d");

        assertThat(calls.get(0).get(30, TimeUnit.SECONDS)).isEqualTo("b");
        assertThat(calls.get(1).get(30, TimeUnit.SECONDS)).isEqualTo("together-c done together");
        assertThat(calls.get(2).get(30, TimeUnit.SECONDS)).isEqualTo("d");
        assertThat(rows(database)).containsExactlyInAnyOrder("a", "b", "together-c", "d");
        assertThat(count(runs, "together-c")).as("the callback of work done together").isZero();
        assertThat(count(runs, "b")).isEqualTo(1);
        assertThat(count(runs, "d")).isEqualTo(1);
        assertThat(groupsOfWork).contains(List.of("b", "together-c", "d"));
        assertThat(ranBeforeTogether).as("the group's own calls run after the work done together").doesNotContain("b", "d");
    }

    @DbTest
    void whenTheWorkTogetherFailsEveryCallRunsItsOwnCallbackAndCommitsOnce(Database database) throws Exception {
        GroupCommit<String> group = new GroupCommit<>(database.jdbi(), 64, (h, work) -> {
            h.execute("INSERT INTO group_commit_test (id) VALUES ('written-by-failed-work')");
            if (work.size() > 1) {
                throw new IllegalStateException("the work together fails");
            }
            return new Object[work.size()];
        });
        createTable(database);

        List<Future<String>> calls = whileOneCallLeads(group, "b", "c", "d");

        assertThat(calls.get(0).get(30, TimeUnit.SECONDS)).isEqualTo("b");
        assertThat(calls.get(1).get(30, TimeUnit.SECONDS)).isEqualTo("c");
        assertThat(calls.get(2).get(30, TimeUnit.SECONDS)).isEqualTo("d");
        assertThat(rows(database)).containsExactlyInAnyOrder("a", "b", "c", "d");
        for (String id : List.of("b", "c", "d")) {
            assertThat(count(runs, id)).as("runs of " + id).isEqualTo(1);
            assertThat(count(afterCommits, id)).as("after-commit work of " + id).isEqualTo(1);
        }
    }

    @DbTest
    void aCallOnItsOwnThrowsItsOwnCheckedException(Database database) {
        GroupCommit<String> group = new GroupCommit<>(database.jdbi(), 64);
        createTable(database);

        assertThatThrownBy(() -> group.inTransaction(h -> {
            h.execute("INSERT INTO group_commit_test (id) VALUES ('x')");
            throw new java.io.IOException("refused");
        })).isInstanceOf(java.io.IOException.class);
        assertThat(rows(database)).isEmpty();
    }

    /**
     * Call "a" leads and is held inside its transaction until the given calls all wait; then they run
     * together in the next transaction, in this order.
     */
    private List<Future<String>> whileOneCallLeads(GroupCommit<String> group, String... ids) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(ids.length + 1);
        CountDownLatch leading = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        Future<String> first = threads.submit(() -> group.inTransaction("a", insert("a", leading, proceed)));
        assertThat(leading.await(30, TimeUnit.SECONDS)).isTrue();
        List<Future<String>> calls = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            String id = ids[i];
            calls.add(threads.submit(() -> group.inTransaction(id, insert(id, null, null))));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (group.waiting() < i + 1 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(group.waiting()).isEqualTo(i + 1);
        }
        proceed.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("a");
        threads.shutdown();
        return calls;
    }

    private HandleCallback<String, RuntimeException> insert(String id, CountDownLatch leading, CountDownLatch proceed) {
        return h -> {
            count(runs, id);
            runs.get(id).incrementAndGet();
            synchronized (handles) {
                handles.add(h);
            }
            h.execute("INSERT INTO group_commit_test (id) VALUES (?)", id);
            h.afterCommit(() -> afterCommits.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet());
            h.afterRollback(() -> afterRollbacks.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet());
            if (leading != null) {
                leading.countDown();
                try {
                    proceed.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (id.startsWith("fail")) {
                throw new IllegalStateException(id + " refuses");
            }
            return id;
        };
    }

    private static int count(Map<String, AtomicInteger> counts, String id) {
        return counts.computeIfAbsent(id, k -> new AtomicInteger()).get();
    }

    private static void createTable(Database database) {
        database.jdbi().useHandle(h -> {
            h.execute("DROP TABLE IF EXISTS group_commit_test");
            h.execute("CREATE TABLE group_commit_test (id TEXT PRIMARY KEY)");
        });
    }

    private static List<String> rows(Database database) {
        return database.jdbi().withHandle(GroupCommitTest::rowsIn);
    }

    private static List<String> rowsIn(Handle h) {
        return h.createQuery("SELECT id FROM group_commit_test").mapTo(String.class).list();
    }
}
