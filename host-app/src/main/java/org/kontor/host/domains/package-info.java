/**
 * The domains the host manages: questions about names asked of the registries (which names of a label are
 * free), the {@code domain} records written with the operations and poll messages that change them, the
 * registries' poll queues and balances, renewal prices, and the customer-scoped portfolio offered to plugins.
 */
package org.kontor.host.domains;
