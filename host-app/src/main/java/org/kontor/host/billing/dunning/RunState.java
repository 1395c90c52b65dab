package org.kontor.host.billing.dunning;

/** A run's state. */
public enum RunState {
    RUNNING, DONE, FAILED
}
