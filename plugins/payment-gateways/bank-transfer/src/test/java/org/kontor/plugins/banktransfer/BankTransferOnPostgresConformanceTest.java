package org.kontor.plugins.banktransfer;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.kontor.testkit.DatabaseKind;

/** {@link BankTransferConformanceTest} on PostgreSQL. */
@EnabledIfEnvironmentVariable(named = "KONTOR_TEST_PG_URL", matches = ".+")
class BankTransferOnPostgresConformanceTest extends BankTransferConformanceTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRESQL;
    }
}
