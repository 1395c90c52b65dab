package org.kontor.host.billing.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.host.billing.pdf.Documents.business;
import static org.kontor.host.billing.pdf.Documents.consumer;
import static org.kontor.host.billing.pdf.Documents.document;
import static org.kontor.host.billing.pdf.Documents.line;
import static org.kontor.host.billing.pdf.Documents.seller;
import static org.kontor.host.billing.pdf.Documents.text;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.Series;
import org.kontor.host.billing.VatTreatment;

/** One InvoicePdf rendering from several threads at once gives every document exactly what rendering it alone gives. */
class InvoicePdfThreadsTest {

    @Test
    void concurrentRenderingGivesTheSameDocumentsAsRenderingOneByOne() throws Exception {
        InvoicePdf pdf = Documents.pdf();
        String[] languages = {"en", "da", "de", "cs", "sk"};
        List<Invoice> invoices = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String language = languages[i % languages.length];
            invoices.add(document(i % 3 == 0 ? Series.SETTLEMENT : Series.INVOICE, "INV-2027-" + (100 + i), language,
                    "EUR", seller("DK5000400440116243", "DABADKKK", null),
                    i % 2 == 0 ? business("DE", "DE13669597" + i % 10, null) : consumer("DK"), VatTreatment.DOMESTIC,
                    null, List.of(line(1, "Hosting " + i, "1", (10 + i) + ".00", "EUR", "25"),
                            line(2, "Advance " + i, "-1", "5.00", "EUR", "25")), i % 3 == 0 ? "all" : null, null));
        }
        List<String> alone = new ArrayList<>();
        for (Invoice invoice : invoices) {
            alone.add(text(pdf.render(invoice)));
        }

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> together = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (Invoice invoice : invoices) {
                    together.add(pool.submit(() -> {
                        start.await();
                        return text(pdf.render(invoice));
                    }));
                }
            }
            start.countDown();
            for (int i = 0; i < together.size(); i++) {
                assertThat(together.get(i).get()).isEqualTo(alone.get(i % invoices.size()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(alone.get(1)).contains("INV-2027-101", "Hosting 1");
    }
}
