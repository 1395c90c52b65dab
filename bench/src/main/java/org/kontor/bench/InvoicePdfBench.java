package org.kontor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.kontor.api.money.Money;
import org.kontor.host.billing.DraftLine;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceLine;
import org.kontor.host.billing.InvoiceState;
import org.kontor.host.billing.Party;
import org.kontor.host.billing.Seller;
import org.kontor.host.billing.Series;
import org.kontor.host.billing.VatTreatment;
import org.kontor.host.billing.pdf.InvoicePdf;
import org.kontor.host.plugins.PluginResources;
import org.kontor.host.themes.ActiveTheme;
import org.kontor.host.themes.ThemeEngine;
import org.kontor.host.themes.ThemeRegistry;

/**
 * PDFs per second of {@link InvoicePdf} with the default theme, as a monthly billing run makes them: settlement
 * documents of a few supplies and the advance payments they deduct, in the five languages and in CZK, EUR and DKK,
 * half of them to businesses (which carry the Factur-X XML). After a warm-up, one thread and then two threads each
 * render for {@code seconds}. "ms/document" is wall time per document and thread, "CPU ms/doc" the rendering threads'
 * CPU time per document (what other load on the machine does not change); the heap's peak use (all heap pools, since
 * the start) is printed at the end. Sizes as
 * system properties: {@code warmup} (documents, 2000), {@code seconds} (10), {@code threads} (2).
 */
public final class InvoicePdfBench {

    private static final String[] LANGUAGES = {"en", "da", "de", "cs", "sk"};
    private static final String[] CURRENCIES = {"DKK", "EUR", "CZK", "EUR", "EUR"};

    private final int warmup = Integer.getInteger("warmup", 2000);
    private final int seconds = Integer.getInteger("seconds", 10);
    private final int maxThreads = Integer.getInteger("threads", 2);

    public static void main(String[] args) throws Exception {
        new InvoicePdfBench().run();
    }

    private void run() throws Exception {
        Path themes = Files.createTempDirectory("kontor-pdf-bench");
        PluginResources none = new PluginResources() {
            @Override
            public List<String> activePluginIds() {
                return List.of();
            }

            @Override
            public Optional<URL> resource(String pluginId, String path) {
                return Optional.empty();
            }
        };
        ActiveTheme theme = new ThemeEngine(new ThemeRegistry(themes, InvoicePdfBench.class.getClassLoader()), none,
                () -> "default", Duration.ofSeconds(5)).active();
        long start = System.nanoTime();
        InvoicePdf pdf = new InvoicePdf(() -> theme);
        List<Invoice> invoices = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            invoices.add(settlement(i));
        }
        long first = System.nanoTime();
        int size = pdf.render(invoices.get(0)).length;
        System.out.printf(Locale.ROOT, "first document: %.0f ms (with setup %.0f ms), %d bytes%n",
                (System.nanoTime() - first) / 1e6, (System.nanoTime() - start) / 1e6, size);
        System.out.printf("warming up with %d documents%n", warmup);
        for (int i = 0; i < warmup; i++) {
            pdf.render(invoices.get(i % invoices.size()));
        }
        System.out.printf("%n%-8s %10s %12s %12s %14s %10s%n", "threads", "documents", "PDFs/s", "ms/document",
                "CPU ms/doc", "KB/PDF");
        for (int threads = 1; threads <= maxThreads; threads++) {
            measure(pdf, invoices, threads);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%nheap: max %d MB, peak used %d MB (sum of the pools' peaks)%n",
                Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
    }

    private void measure(InvoicePdf pdf, List<Invoice> invoices, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long begin = System.nanoTime();
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                int count = 0;
                long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                while (System.nanoTime() < end) {
                    bytes.addAndGet(pdf.render(invoices.get(next.getAndIncrement() % invoices.size())).length);
                    count++;
                }
                cpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart);
                return count;
            }));
        }
        int documents = 0;
        for (Future<Integer> f : done) {
            documents += f.get();
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT, "%-8d %10d %12.1f %12.2f %14.2f %10.1f%n", threads, documents,
                documents / elapsed, elapsed * 1000 * threads / documents, cpu.get() / 1e6 / documents,
                bytes.get() / 1024.0 / documents);
    }

    /** A settlement: 3–6 supplies at the language's rate, less one or two advance payments already invoiced. */
    static Invoice settlement(int i) {
        String language = LANGUAGES[i % LANGUAGES.length];
        String code = CURRENCIES[i % CURRENCIES.length];
        Currency currency = Currency.getInstance(code);
        BigDecimal rate = switch (language) {
            case "da" -> new BigDecimal("25");
            case "de" -> new BigDecimal("19");
            case "cs" -> new BigDecimal("21");
            case "sk" -> new BigDecimal("23");
            default -> new BigDecimal("25");
        };
        List<InvoiceLine> lines = new ArrayList<>();
        int supplies = 3 + i % 4;
        for (int n = 0; n < supplies; n++) {
            lines.add(InvoiceLine.priced(lines.size() + 1, "Hosting package " + (n + 1) + " – kontor-" + i + ".example",
                    BigDecimal.valueOf(1 + n % 3), Money.of(BigDecimal.valueOf(4990 + 137L * n + i, 2), currency), rate));
        }
        for (int n = 0; n < 1 + i % 2; n++) {
            lines.add(InvoiceLine.priced(lines.size() + 1, "Advance payment ADV-2027-" + (1000 + i * 2 + n),
                    BigDecimal.ONE.negate(), Money.of(BigDecimal.valueOf(2000 + 10L * n, 2), currency), rate));
        }
        Money net = Money.zero(currency);
        Money vat = Money.zero(currency);
        Money advances = Money.zero(currency);
        for (InvoiceLine line : lines) {
            net = net.plus(line.net());
            vat = vat.plus(line.vat());
            if (line.net().isNegative()) {
                advances = advances.plus(line.gross());
            }
        }
        boolean business = i % 2 == 0;
        Party buyer = new Party("Customer " + i, business ? "Firma " + i + " s.r.o." : null, List.of("Street " + i),
                "1000" + i % 10, "City", country(language), business ? country(language) + "1234567" + i % 10 : null,
                business ? "1234567" + i % 10 : null, null, null);
        Seller seller = new Seller(new Party("Kontor", "Kontor ApS", List.of("Vesterbrogade 1"), "1620",
                "København V", "DK", "DK13585628", "13585628", null, "billing@kontor.example"),
                "DK5000400440116243", "DABADKKK", "Danske Bank", "85475103");
        LocalDate date = LocalDate.of(2027, 3, 31);
        Money gross = net.plus(vat);
        // the advance payments were paid; what is left of the gross is paid when the settlement is issued
        return new Invoice("id-" + i, Series.SETTLEMENT, String.format(Locale.ROOT, "SET-2027-%06d", i + 1),
                InvoiceState.PAID, "c" + i, null, language, currency, date, date, date.plusDays(14), seller, buyer,
                VatTreatment.DOMESTIC, buyer.countryCode(), null, "NONE", List.<DraftLine>of(), lines, net, vat, gross,
                gross, String.format(Locale.ROOT, "2027%06d", i + 1), null, null, null, null, "settlement:a" + i + ":2027-03");
    }

    private static String country(String language) {
        return switch (language) {
            case "da", "en" -> "DK";
            case "de" -> "DE";
            case "cs" -> "CZ";
            default -> "SK";
        };
    }
}
