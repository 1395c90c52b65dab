package org.kontor.host.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementPerConnectionTest {

    @TempDir
    Path temp;

    @Test
    void aConnectionKeepsItsStatementUntilItIsClosed() throws Exception {
        String url = "jdbc:sqlite:" + temp.resolve("statements.db");
        StatementPerConnection statements = new StatementPerConnection("SELECT ?");
        try (Connection first = DriverManager.getConnection(url); Connection second = DriverManager.getConnection(url)) {
            PreparedStatement one = statements.of(first);
            assertThat(statements.of(first)).as("prepared once").isSameAs(one);
            PreparedStatement other = statements.of(second);
            assertThat(other).isNotSameAs(one);
            assertThat(statements.connections()).isEqualTo(2);

            one.setInt(1, 7);
            try (var rs = one.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(7);
            }
            first.close();
            try (Connection third = DriverManager.getConnection(url)) {
                statements.of(third);
                assertThat(statements.connections()).as("the closed connection's statement was dropped").isEqualTo(2);
            }
        }
    }
}
