package org.kontor.plugins.sandbox.server;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The logged-in sessions of each registrar, capped per registrar. */
final class SessionCounter {

    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();
    private final int cap;

    SessionCounter(int cap) {
        this.cap = cap;
    }

    /** Counts a new session unless the registrar has {@code cap} already. */
    boolean tryOpen(String registrar) {
        boolean[] opened = {false};
        open.compute(registrar, (r, n) -> {
            int current = n == null ? 0 : n;
            if (current >= cap) {
                return current;
            }
            opened[0] = true;
            return current + 1;
        });
        return opened[0];
    }

    void close(String registrar) {
        open.computeIfPresent(registrar, (r, n) -> n <= 1 ? null : n - 1);
    }
}
