package org.kontor.api.filter;

import org.pf4j.ExtensionPoint;

/**
 * Runs before an action (Directus' "filter" hook): it may let it proceed, proceed with a changed action
 * (a record with other values), or veto it with a reason that the host shows. Filters run inside no
 * transaction; keep them quick, and never call a slow remote system without a time-out.
 *
 * @param <A> the action type
 */
public interface Filter<A extends Action> extends ExtensionPoint {

    /** The action type this filter checks. */
    Class<A> actionType();

    FilterDecision<A> before(A action);
}
