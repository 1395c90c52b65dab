package org.kontor.plugins.sepa;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.kontor.testkit.DatabaseKind;

/** {@link SepaConformanceTest} on PostgreSQL. */
@EnabledIfEnvironmentVariable(named = "KONTOR_TEST_PG_URL", matches = ".+")
class SepaOnPostgresConformanceTest extends SepaConformanceTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRESQL;
    }
}
