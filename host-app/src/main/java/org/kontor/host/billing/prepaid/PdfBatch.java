package org.kontor.host.billing.prepaid;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.kontor.host.billing.Invoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the PDFs of one run's documents on a few threads while the run issues the next ones. At most two documents
 * per thread wait or render at a time; {@link #submit} blocks beyond that, so a run of any size holds only a handful of
 * documents and PDFs in memory.
 */
final class PdfBatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PdfBatch.class);

    private final DocumentRenderer pdf;
    private final RenderedDocuments sink;
    private final ExecutorService threads;
    private final Semaphore inFlight;
    private final int permits;
    private final AtomicInteger rendered = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong renderNanos = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    PdfBatch(DocumentRenderer pdf, RenderedDocuments sink, int threadCount) {
        this.pdf = pdf;
        this.sink = sink;
        AtomicInteger names = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(threadCount, task -> {
            Thread thread = new Thread(task, "settlement-pdf-" + names.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.permits = threadCount * 2;
        this.inFlight = new Semaphore(permits);
    }

    /** Queues a document's PDF; waits while enough are queued. */
    void submit(Invoice invoice) throws InterruptedException {
        inFlight.acquire();
        try {
            threads.execute(() -> render(invoice));
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    private void render(Invoice invoice) {
        long start = System.nanoTime();
        try {
            byte[] document = pdf.render(invoice);
            renderNanos.addAndGet(System.nanoTime() - start);
            bytes.addAndGet(document.length);
            sink.rendered(invoice, document);
            rendered.incrementAndGet();
        } catch (Exception | LinkageError e) {
            failed.incrementAndGet();
            LOG.error("The PDF of {} ({}) could not be made", invoice.number(), invoice.id(), e);
        } finally {
            inFlight.release();
        }
    }

    /** Waits until every queued PDF is done. */
    void awaitDone() throws InterruptedException {
        inFlight.acquire(permits);
        inFlight.release(permits);
    }

    int rendered() {
        return rendered.get();
    }

    int failed() {
        return failed.get();
    }

    /** Time spent rendering, summed over the threads. */
    long renderNanos() {
        return renderNanos.get();
    }

    long bytes() {
        return bytes.get();
    }

    @Override
    public void close() throws InterruptedException {
        threads.shutdown();
        if (!threads.awaitTermination(1, TimeUnit.MINUTES)) {
            threads.shutdownNow();
        }
    }
}
