package org.kontor.host.catalog;

/**
 * A catalog rule an order would break.
 *
 * @param code    stable, for programs: {@code tld-not-offered}, {@code period-not-allowed}, {@code idn-not-allowed},
 *                {@code idn-character-not-allowed:ж},
 *                {@code phase-closed}, {@code sunrise-needs-smd}, {@code field-required:vatNumber},
 *                {@code residence-not-allowed}, {@code registry-unavailable}
 * @param message in English, for people and logs
 */
public record Violation(String code, String message) {
}
