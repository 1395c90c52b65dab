package org.kontor.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The databases a {@link DbTest} runs on. */
public enum DatabaseKind {
    SQLITE,
    POSTGRESQL;

    /** SQLite always; PostgreSQL when {@code pgUrl} is set. */
    static List<DatabaseKind> available(String pgUrl) {
        List<DatabaseKind> kinds = new ArrayList<>(List.of(SQLITE));
        if (pgUrl != null && !pgUrl.isBlank()) {
            kinds.add(POSTGRESQL);
        }
        return kinds;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
