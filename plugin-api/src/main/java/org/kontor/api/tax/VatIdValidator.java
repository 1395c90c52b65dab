package org.kontor.api.tax;

import org.pf4j.ExtensionPoint;

/**
 * Checks a VAT identification number, e.g. against the EU's VIES service. The host calls it before it issues an
 * invoice, never inside a database transaction, and keeps the answer on the document. An implementation that cannot
 * reach its service answers {@link VatIdStatus#UNAVAILABLE} rather than throwing; the host then charges VAT as for a
 * consumer, which the buyer can have corrected by a credit note.
 *
 * @since 1.3.0
 */
public interface VatIdValidator extends ExtensionPoint {

    /** A stable id, e.g. {@code vies} or {@code offline}. */
    String validatorId();

    /**
     * @param countryCode ISO 3166-1 alpha-2 country of the number (Greece as {@code GR}; the host passes {@code EL}
     *                    numbers' country as {@code GR})
     * @param vatId       the number with or without its country prefix, spaces and dots allowed
     */
    VatIdCheck validate(String countryCode, String vatId);
}
