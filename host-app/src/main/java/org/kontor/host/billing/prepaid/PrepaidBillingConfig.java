package org.kontor.host.billing.prepaid;

import org.kontor.host.config.ConfigException;
import org.kontor.host.config.KontorConfig;

/**
 * The {@code billing.advance-documents.*} and {@code billing.settlements.*} configuration.
 *
 * @param advanceDelayDays days after a top-up's payment its advance tax document is issued: 0 (at once) to 14, so that
 *                         with the job's hourly runs it is always issued within the 15 days the law gives
 * @param settlementBatch  closed account-months a settlement run reads and issues at a time
 * @param pdfThreads       threads rendering the settlement documents' PDFs
 */
public record PrepaidBillingConfig(int advanceDelayDays, int settlementBatch, int pdfThreads) {

    public static final String DELAY_DAYS = "billing.advance-documents.delay-days";
    public static final String BATCH = "billing.settlements.batch-size";
    public static final String PDF_THREADS = "billing.settlements.pdf-threads";
    public static final int MAX_DELAY_DAYS = 14;

    public PrepaidBillingConfig {
        if (advanceDelayDays < 0 || advanceDelayDays > MAX_DELAY_DAYS) {
            throw new ConfigException(DELAY_DAYS, "must be 0 to " + MAX_DELAY_DAYS + " (the document is due within 15 "
                    + "days of the payment), was " + advanceDelayDays);
        }
        if (settlementBatch < 1) {
            throw new ConfigException(BATCH, "must be at least 1, was " + settlementBatch);
        }
        if (pdfThreads < 1) {
            throw new ConfigException(PDF_THREADS, "must be at least 1, was " + pdfThreads);
        }
    }

    public static PrepaidBillingConfig defaults() {
        return new PrepaidBillingConfig(0, 200, 2);
    }

    public static PrepaidBillingConfig from(KontorConfig config) {
        return new PrepaidBillingConfig(integer(config, DELAY_DAYS, 0), integer(config, BATCH, 200),
                integer(config, PDF_THREADS, 2));
    }

    private static int integer(KontorConfig config, String key, int fallback) {
        return config.get(key).filter(value -> !value.isBlank()).isPresent() ? config.integer(key) : fallback;
    }
}
