package org.kontor.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;
import org.sqlite.SQLiteConnection;

/**
 * Keeps prepared statements per SQLite connection, as PostgreSQL's driver does on the server: the SQLite
 * driver compiles every statement anew, which costs about as much as running the small statements the
 * ledger and the outbox use. Statements are prepared on the pooled physical connection, lent to a handle
 * and taken back (parameters cleared) when Jdbi closes them. A connection is used by one handle at a time,
 * so each connection's cache needs no locking of its own.
 */
final class SqliteStatementCache implements StatementBuilderFactory {

    private static final int STATEMENTS_PER_CONNECTION = 256;

    /**
     * By physical connection. Not a weak map: a statement refers to its connection, so a weak key would never
     * be cleared; the caches of connections the pool has closed are dropped when a new connection comes.
     */
    private final Map<Connection, ConnectionCache> caches = new HashMap<>();

    @Override
    public StatementBuilder createStatementBuilder(Connection connection) {
        return new CachingBuilder();
    }

    /** How many connections have statements kept, for tests. */
    int connections() {
        synchronized (caches) {
            return caches.size();
        }
    }

    /** A count of the statements kept for reuse, for tests. */
    int idleStatements() {
        synchronized (caches) {
            return caches.values().stream().mapToInt(cache -> cache.idle.size()).sum();
        }
    }

    /** The statements of one physical connection: idle ones by their SQL, lent ones with the SQL they were made for. */
    private static final class ConnectionCache {
        private final Map<String, PreparedStatement> idle = new HashMap<>();
        private final Map<PreparedStatement, String> lent = new IdentityHashMap<>();
    }

    private final class CachingBuilder extends DefaultStatementBuilder {

        @Override
        public PreparedStatement create(Connection connection, String sql, StatementContext ctx) throws SQLException {
            if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable() || !connection.isWrapperFor(SQLiteConnection.class)) {
                return super.create(connection, sql, ctx);
            }
            Connection physical = connection.unwrap(SQLiteConnection.class);
            ConnectionCache cache = cacheOf(physical);
            PreparedStatement statement = cache.idle.remove(sql);
            if (statement == null || statement.isClosed()) {
                statement = physical.prepareStatement(sql);
            }
            cache.lent.put(statement, sql);
            return statement;
        }

        @Override
        public void close(Connection connection, String sql, Statement statement) throws SQLException {
            if (!(statement instanceof PreparedStatement prepared) || !connection.isWrapperFor(SQLiteConnection.class)) {
                super.close(connection, sql, statement);
                return;
            }
            ConnectionCache cache = cacheOf(connection.unwrap(SQLiteConnection.class));
            String key = cache.lent.remove(prepared);
            if (key == null || prepared.isClosed() || cache.idle.size() >= STATEMENTS_PER_CONNECTION
                    || cache.idle.containsKey(key)) {
                super.close(connection, sql, statement);
                return;
            }
            prepared.clearParameters();
            cache.idle.put(key, prepared);
        }
    }

    private ConnectionCache cacheOf(Connection physical) {
        synchronized (caches) {
            ConnectionCache cache = caches.get(physical);
            if (cache == null) {
                caches.keySet().removeIf(SqliteStatementCache::isClosed);
                cache = new ConnectionCache();
                caches.put(physical, cache);
            }
            return cache;
        }
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
