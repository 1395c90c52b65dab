package org.kontor.host.billing.prepaid;

/**
 * What a settlement run did.
 *
 * @param issued      settlement documents issued
 * @param empty       closed months without draws, settled without a document
 * @param waiting     closed months whose draws have not all arrived yet
 * @param failed      closed months that failed (logged; the next run tries again)
 * @param pdfs        PDFs rendered; {@code pdfFailures} those that failed; {@code pdfBytes} their size together
 * @param issueNanos  time spent reading draws, drafting and issuing (the database side), waits for a free PDF
 *                    thread not included
 * @param pdfNanos    time spent rendering PDFs, summed over the rendering threads
 * @param wallNanos   the run's duration
 */
public record SettlementRun(int issued, int empty, int waiting, int failed, int pdfs, int pdfFailures, long pdfBytes,
                            long issueNanos, long pdfNanos, long wallNanos) {
}
