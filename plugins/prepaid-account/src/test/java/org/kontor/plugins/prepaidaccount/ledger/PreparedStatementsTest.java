package org.kontor.plugins.prepaidaccount.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/** The ledger's plain JDBC statements: in the handle's transaction, kept per connection while it is open. */
@DatabaseTest(plugins = "prepaid-account")
class PreparedStatementsTest {

    private static final String INSERT = "INSERT INTO prepared_probe (id, amount) VALUES (?, ?)";
    private static final String AMOUNT = "SELECT amount FROM prepared_probe WHERE id = ?";
    /** One table for the class's tests, which share their database; each test uses its own ids. */
    private static final String TABLE = "CREATE TABLE IF NOT EXISTS prepared_probe (id TEXT PRIMARY KEY, amount BIGINT)";

    private final PreparedStatements statements = new PreparedStatements();

    @DbTest
    void statementsRunInTheHandlesTransactionAndAreUsedAgainOnTheSameConnection(Database database) {
        database.jdbi().useHandle(h -> h.execute(TABLE));

        database.jdbi().useTransaction(h -> statements.update(h, INSERT, st -> {
            st.setString(1, "kept-1");
            st.setLong(2, 1250);
        }));
        assertThatThrownBy(() -> database.jdbi().useTransaction(h -> {
            statements.update(h, INSERT, st -> {
                st.setString(1, "rolled-back-1");
                st.setLong(2, 99);
            });
            throw new IllegalStateException("the caller fails after the insert");
        })).isInstanceOf(IllegalStateException.class);

        database.jdbi().useHandle(h -> {
            assertThat(amount(h, "kept-1")).contains(1250L);
            assertThat(amount(h, "rolled-back-1")).isEmpty();
        });
        assertThat(statements.connections()).isBetween(1, 3);
    }

    @DbTest
    void aFailingStatementSaysWhichStatementFailed(Database database) {
        database.jdbi().useHandle(h -> h.execute(TABLE));
        database.jdbi().useHandle(h -> statements.update(h, INSERT, st -> {
            st.setString(1, "once-2");
            st.setLong(2, 1);
        }));

        assertThatThrownBy(() -> database.jdbi().useHandle(h -> statements.update(h, INSERT, st -> {
            st.setString(1, "once-2");
            st.setLong(2, 2);
        }))).isInstanceOf(UnableToExecuteStatementException.class).hasMessageContaining(INSERT);
    }

    @DbTest
    void theStatementsOfAConnectionThePoolClosedAreDropped(Database database) throws Exception {
        database.jdbi().useHandle(h -> h.execute(TABLE));
        HikariDataSource pool = (HikariDataSource) database.dataSource();
        Connection closed;
        Connection pooled;
        try (Handle h = database.jdbi().open()) {
            assertThat(amount(h, "none-3")).isEmpty();
            closed = h.getConnection().unwrap(Connection.class);
            pooled = h.getConnection();
        }
        pool.evictConnection(pooled); // back in the pool, closed as at the end of a connection's lifetime
        for (int i = 0; i < 100 && !closed.isClosed(); i++) {
            Thread.sleep(50);
        }
        assertThat(closed.isClosed()).isTrue();

        try (Handle h = database.jdbi().open()) {
            assertThat(h.getConnection().unwrap(Connection.class)).isNotSameAs(closed);
            assertThat(amount(h, "none-3")).isEmpty();
        }
        assertThat(statements.connections()).isEqualTo(1);
    }

    private Optional<Long> amount(Handle h, String id) {
        return statements.one(h, AMOUNT, st -> st.setString(1, id), rs -> rs.getLong(1));
    }
}
