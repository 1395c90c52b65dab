/**
 * Domain operations paid from a funding source: intent, hold, registry call outside any transaction,
 * then capture or release; and the janitor that settles what a crash or an unknown answer left open.
 */
package org.kontor.host.provisioning;
