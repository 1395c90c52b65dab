package org.kontor.plugins.epp.response;

/**
 * One answer of a check.
 *
 * @param reason why the object is not available, or null
 */
public record Availability(String name, boolean available, String reason) {
}
