package org.kontor.plugins.prepaidaccount.ledger;

import java.time.Instant;
import java.util.Set;

/**
 * Which entries to list: a time window (either end may be null), kinds (empty: all), and a page.
 */
public record EntryFilter(Instant from, Instant until, Set<EntryKind> kinds, int limit, int offset) {

    public EntryFilter {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1 to 10000, was " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset cannot be negative");
        }
    }

    public static EntryFilter latest(int limit) {
        return new EntryFilter(null, null, Set.of(), limit, 0);
    }
}
