package org.kontor.host.billing;

/** Which VAT rule an issued document follows; the note it prints comes with it. */
public enum VatTreatment {
    /** Buyer in the seller's country: the seller country's rate. */
    DOMESTIC,
    /** Consumer (or business without a valid VAT id) in another EU country: that country's rate (one-stop-shop). */
    EU_B2C,
    /** Business with a valid VAT id in another EU country: 0 %, the buyer accounts for the VAT. */
    REVERSE_CHARGE,
    /** Buyer outside the EU: no VAT. */
    EXPORT
}
