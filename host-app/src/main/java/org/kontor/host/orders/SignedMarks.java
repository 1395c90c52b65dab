package org.kontor.host.orders;

import java.time.Instant;

/** Checks a sunrise order's signed mark data file (ORD-8) before the order is accepted. */
public interface SignedMarks {

    /**
     * Checks the uploaded file against the signed mark schema, its signature and trust anchor, its validity at
     * {@code now} and that it covers {@code label}.
     *
     * @return the encoded signed mark to pass to the registry
     * @throws OrderInputException on {@code field} with the reason
     */
    String check(String field, String uploaded, String label, Instant now);
}
