package org.kontor.api.tax;

/**
 * The answer of a VAT id check.
 *
 * @since 1.3.0
 */
public enum VatIdStatus {
    /** The number exists and is valid for intra-EU supplies. */
    VALID,
    /** The number is malformed or not registered. */
    INVALID,
    /** The service could not answer now (down, timed out, rate-limited); ask again later. */
    UNAVAILABLE
}
