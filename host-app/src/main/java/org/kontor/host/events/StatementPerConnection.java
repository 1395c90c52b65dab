package org.kontor.host.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One statement prepared once per physical connection and kept while that connection is open. A pooled
 * connection is used by one handle, on one thread, at a time, and so is its statement. SQLite's driver
 * compiles a statement anew on every {@code prepareStatement}; PostgreSQL's keeps it prepared on the server.
 */
final class StatementPerConnection {

    private final String sql;
    /**
     * By physical connection. Not a weak map: a statement refers to its connection, so the key would never be
     * collected; the statements of connections the pool has closed are dropped when a new connection comes.
     */
    private final Map<Connection, PreparedStatement> byConnection = new ConcurrentHashMap<>();

    StatementPerConnection(String sql) {
        this.sql = sql;
    }

    /** The statement on the connection under {@code pooled}, prepared if this connection has none open. */
    PreparedStatement of(Connection pooled) throws SQLException {
        Connection physical = pooled.unwrap(Connection.class);
        PreparedStatement statement = byConnection.get(physical);
        if (statement == null || statement.isClosed()) {
            dropClosedConnections();
            statement = physical.prepareStatement(sql);
            byConnection.put(physical, statement);
        }
        return statement;
    }

    /** How many connections have the statement kept (for tests). */
    int connections() {
        return byConnection.size();
    }

    private void dropClosedConnections() throws SQLException {
        for (Connection known : byConnection.keySet()) {
            if (known.isClosed()) {
                byConnection.remove(known);
            }
        }
    }
}
