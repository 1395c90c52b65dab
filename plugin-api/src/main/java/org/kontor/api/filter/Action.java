package org.kontor.api.filter;

/**
 * Something the host is about to do that plugins may check first: a record describing it. The host calls
 * every {@link Filter} for the action's type before it acts.
 */
public interface Action {
}
