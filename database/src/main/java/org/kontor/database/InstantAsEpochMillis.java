package org.kontor.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Stores {@link Instant} as epoch milliseconds in a BIGINT column, the same on SQLite and PostgreSQL.
 * Sub-millisecond precision is dropped on the way in.
 */
final class InstantAsEpochMillis {

    private InstantAsEpochMillis() {
    }

    static final class ArgumentFactory extends AbstractArgumentFactory<Instant> {
        ArgumentFactory() {
            super(Types.BIGINT);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            long millis = value.toEpochMilli();
            return (position, statement, ctx) -> statement.setLong(position, millis);
        }
    }

    static final class Mapper implements ColumnMapper<Instant> {
        @Override
        public Instant map(ResultSet r, int columnNumber, StatementContext ctx) throws SQLException {
            long millis = r.getLong(columnNumber);
            return r.wasNull() ? null : Instant.ofEpochMilli(millis);
        }
    }
}
