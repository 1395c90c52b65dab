package org.kontor.host.billing.dunning;

import java.util.Optional;

/** The levels an overdue invoice goes through, in order; each at most once. */
public enum DunningLevel {
    REMINDER("reminder"), FIRST_DUNNING("first"), SECOND_DUNNING("second");

    private final String configName;

    DunningLevel(String configName) {
        this.configName = configName;
    }

    /** The name in the configuration keys: {@code billing.dunning.fee.first}. */
    public String configName() {
        return configName;
    }

    /** The level after this one; empty after the last. */
    public Optional<DunningLevel> next() {
        DunningLevel[] all = values();
        return ordinal() + 1 < all.length ? Optional.of(all[ordinal() + 1]) : Optional.empty();
    }

    public boolean isLast() {
        return next().isEmpty();
    }
}
