package org.kontor.plugins.sepa.returns;

/** One returned collection as a bank reports it: the end-to-end id of the collection and the reason code. */
public record ReturnNotice(String endToEndId, String reasonCode) {
}
