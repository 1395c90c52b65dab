/**
 * The registry extension point: one plugin per registry (EPP or not), each versioned on its own.
 * Every billable command carries an {@link org.kontor.api.outcome.IdempotencyKey}; its result is an
 * {@link org.kontor.api.outcome.Outcome}, and {@link org.kontor.api.registry.DomainRegistry#status} lets the
 * host's janitor settle what stayed pending or unknown.
 */
package org.kontor.api.registry;
