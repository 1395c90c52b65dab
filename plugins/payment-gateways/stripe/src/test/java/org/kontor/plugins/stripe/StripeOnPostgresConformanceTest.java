package org.kontor.plugins.stripe;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.kontor.testkit.DatabaseKind;

/** {@link StripeConformanceTest} on PostgreSQL. */
@EnabledIfEnvironmentVariable(named = "KONTOR_TEST_PG_URL", matches = ".+")
class StripeOnPostgresConformanceTest extends StripeConformanceTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRESQL;
    }
}
