package org.kontor.testkit;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.kontor.database.Database;
import org.kontor.database.Migrations;

/**
 * Runs each {@link DbTest} method once per available database and passes it the {@link Database}.
 * The databases are created on first use, shared by the methods of one test class, and removed after it.
 * Registered by {@link DatabaseTest}.
 */
public final class DatabaseExtension implements TestTemplateInvocationContextProvider {

    /** The environment variable with the PostgreSQL JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1/test?user=postgres}. */
    public static final String PG_URL_ENV = "KONTOR_TEST_PG_URL";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DatabaseExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(method -> method.isAnnotationPresent(DbTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        ExtensionContext classContext = context.getParent().orElseThrow();
        String pgUrl = postgresUrl();
        return DatabaseKind.available(pgUrl).stream()
                .map(kind -> invocation(kind, () -> open(classContext, kind, pgUrl)));
    }

    /** The PostgreSQL URL from the environment (or the system property {@code kontor.test.pg.url}), or null. */
    static String postgresUrl() {
        String url = System.getProperty("kontor.test.pg.url", System.getenv(PG_URL_ENV));
        return url == null || url.isBlank() ? null : url;
    }

    private static TestTemplateInvocationContext invocation(DatabaseKind kind, Supplier<TestDatabase> db) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return "[" + kind.label() + "]";
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new DatabaseParameterResolver(db));
            }
        };
    }

    private static TestDatabase open(ExtensionContext classContext, DatabaseKind kind, String pgUrl) {
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(kind, k -> {
            TestDatabase db = kind == DatabaseKind.SQLITE ? TestDatabase.sqlite() : TestDatabase.postgresql(pgUrl);
            try {
                migrate(classContext, db.database());
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            return db;
        }, TestDatabase.class);
    }

    private static void migrate(ExtensionContext classContext, Database database) {
        Class<?> testClass = classContext.getRequiredTestClass();
        Optional<DatabaseTest> settings = findSettings(testClass);
        ClassLoader loader = testClass.getClassLoader();
        Migrations migrations = new Migrations(database);
        if (settings.map(DatabaseTest::migrateHost).orElse(false)) {
            migrations.migrateHost(loader);
        }
        for (String pluginId : settings.map(DatabaseTest::plugins).orElse(new String[0])) {
            migrations.migratePlugin(pluginId, loader);
        }
    }

    private static Optional<DatabaseTest> findSettings(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Optional<DatabaseTest> found = AnnotationSupport.findAnnotation(c, DatabaseTest.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private record DatabaseParameterResolver(Supplier<TestDatabase> db) implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == Database.class || type == DatabaseKind.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            TestDatabase testDatabase = db.get();
            return parameter.getParameter().getType() == Database.class ? testDatabase.database() : testDatabase.kind();
        }
    }

}
