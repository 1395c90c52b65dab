package org.kontor.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class whose {@link DbTest} methods run against real databases: always SQLite (a temporary file
 * per test class), and PostgreSQL too when the environment variable {@value DatabaseExtension#PG_URL_ENV}
 * holds a JDBC URL (a fresh schema per test class, dropped afterwards). Methods take a
 * {@link org.kontor.database.Database} parameter, as may {@code @BeforeEach} and {@code @AfterEach} methods.
 *
 * <pre>{@code
 * @DatabaseTest(plugins = "prepaid-account")
 * class LedgerTest {
 *     @DbTest
 *     void balanceIsTheSumOfEntries(Database db) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DatabaseExtension.class)
public @interface DatabaseTest {

    /** Run the host's migrations ({@code db/migration/host} on the test class path) on each new database. */
    boolean migrateHost() default false;

    /** Plugin ids whose migrations ({@code db/migration/<id>} on the test class path) run on each new database. */
    String[] plugins() default {};
}
