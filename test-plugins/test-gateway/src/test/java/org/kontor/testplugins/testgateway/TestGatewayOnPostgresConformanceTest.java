package org.kontor.testplugins.testgateway;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.kontor.testkit.DatabaseKind;

/** {@link TestGatewayConformanceTest} on PostgreSQL. */
@EnabledIfEnvironmentVariable(named = "KONTOR_TEST_PG_URL", matches = ".+")
class TestGatewayOnPostgresConformanceTest extends TestGatewayConformanceTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRESQL;
    }
}
