package org.kontor.plugins.epp.response;

/**
 * The {@code trID} of a response.
 *
 * @param clientTransactionId the echoed clTRID, or null when the command had none or could not be read
 */
public record TransactionId(String clientTransactionId, String serverTransactionId) {
}
