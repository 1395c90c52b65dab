/**
 * The VAT id check extension point: whether a buyer's VAT identification number is valid, for the EU reverse charge
 * (a VIES client, a national register or an offline format check).
 *
 * @since 1.3.0
 */
package org.kontor.api.tax;
