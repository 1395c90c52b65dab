package org.kontor.plugins.paypal;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.kontor.testkit.DatabaseKind;

/** {@link PayPalConformanceTest} on PostgreSQL. */
@EnabledIfEnvironmentVariable(named = "KONTOR_TEST_PG_URL", matches = ".+")
class PayPalOnPostgresConformanceTest extends PayPalConformanceTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRESQL;
    }
}
