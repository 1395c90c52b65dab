package org.kontor.api.billing;

import java.util.Objects;

/**
 * One billing document to be posted.
 *
 * @param idempotencyKey the same for every attempt at the same letter; a provider posts each key at most once
 * @param documentNumber the document's number, e.g. {@code INV-2027-000042}
 * @param recipient      whom the envelope names
 * @param pdf            the document as issued (PDF/A), to be printed as it is
 * @param language       the document's language (ISO 639-1, e.g. {@code da}), for a cover page
 * @since 1.4.0
 */
public record PostalLetter(String idempotencyKey, String documentNumber, PostalRecipient recipient, byte[] pdf,
                           String language) {

    public PostalLetter {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("idempotencyKey: is required");
        }
        if (documentNumber == null || documentNumber.isBlank()) {
            throw new IllegalArgumentException("documentNumber: is required");
        }
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(pdf, "pdf");
        if (pdf.length == 0) {
            throw new IllegalArgumentException("pdf: is empty");
        }
        Objects.requireNonNull(language, "language");
    }

    @Override
    public byte[] pdf() {
        return pdf.clone();
    }

    @Override
    public String toString() {
        return "PostalLetter[idempotencyKey=" + idempotencyKey + ", documentNumber=" + documentNumber + ", recipient="
                + recipient + ", pdf=" + pdf.length + " bytes, language=" + language + "]";
    }
}
