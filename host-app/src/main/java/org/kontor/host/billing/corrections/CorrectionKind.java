package org.kontor.host.billing.corrections;

/** A cancellation credits all that remains of a document (one per document); a partial credit chosen lines. */
public enum CorrectionKind {
    CANCELLATION, PARTIAL
}
