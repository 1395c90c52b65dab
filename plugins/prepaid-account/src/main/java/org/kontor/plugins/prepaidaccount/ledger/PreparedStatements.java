package org.kontor.plugins.prepaidaccount.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The statements of holds and settlements, prepared once per physical connection and run through plain
 * JDBC with positional parameters and columns read by position. Through Jdbi these cost more CPU than the
 * database's own work on SQLite: per statement it parsed the named parameters, looked up an argument
 * factory per parameter, built a statement context and found each column by name.
 *
 * <p>A statement is prepared on the pooled connection's physical connection, so it stays open when the
 * pool takes the connection back; it is used only through the handle that has that connection, one thread
 * at a time, and runs in the handle's transaction like the handle's other statements.
 */
final class PreparedStatements {

    /** Sets a statement's parameters. */
    @FunctionalInterface
    interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    /** Reads the current row. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * By physical connection. Not a weak map: a statement refers to its connection, so the key would never be
     * collected; the statements of connections the pool has closed are dropped when a new connection comes.
     */
    private final Map<Connection, Map<String, PreparedStatement>> byConnection = new ConcurrentHashMap<>();

    /** Runs an insert, update or delete in the handle's transaction; the number of rows it changed. */
    int update(Handle h, String sql, Parameters parameters) {
        try {
            PreparedStatement statement = prepared(h, sql);
            parameters.set(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Runs a statement that returns at most one row (a query, or a change with {@code RETURNING}). */
    <T> Optional<T> one(Handle h, String sql, Parameters parameters, Row<T> row) {
        try {
            PreparedStatement statement = prepared(h, sql);
            parameters.set(statement);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                T value = row.read(rs);
                if (rs.next()) {
                    throw new IllegalStateException("expected one row at most: " + sql);
                }
                return Optional.of(value);
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Runs a statement that returns rows (a query, or a change with {@code RETURNING}); every row read. */
    <T> List<T> list(Handle h, String sql, Parameters parameters, Row<T> row) {
        try {
            PreparedStatement statement = prepared(h, sql);
            parameters.set(statement);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Sets a text parameter that may be null. */
    static void setText(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    /** Sets a whole-number parameter that may be null. */
    static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    /** A nullable whole-number column. */
    static Long getLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private PreparedStatement prepared(Handle h, String sql) throws SQLException {
        Connection physical = h.getConnection().unwrap(Connection.class);
        Map<String, PreparedStatement> statements = byConnection.get(physical);
        if (statements == null) {
            statements = statementsOfNew(physical);
        }
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = physical.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    private synchronized Map<String, PreparedStatement> statementsOfNew(Connection physical) throws SQLException {
        for (Connection known : byConnection.keySet()) {
            if (known.isClosed()) {
                byConnection.remove(known);
            }
        }
        return byConnection.computeIfAbsent(physical, c -> new HashMap<>());
    }

    /** How many connections have statements kept (for tests). */
    int connections() {
        return byConnection.size();
    }

    private static UnableToExecuteStatementException failed(String sql, SQLException e) {
        return new UnableToExecuteStatementException("could not run " + sql + ": " + e.getMessage(), e, null);
    }
}
