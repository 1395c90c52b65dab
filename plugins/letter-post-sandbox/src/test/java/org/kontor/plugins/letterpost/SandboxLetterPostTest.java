package org.kontor.plugins.letterpost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.api.billing.DeliveryReceipt;
import org.kontor.api.billing.InvoiceDelivery;
import org.kontor.api.billing.PostalLetter;
import org.kontor.testkit.billing.InvoiceDeliveryConformance;

/** The sandbox keeps the letter post contract and writes print-ready letters with the address page into its folder. */
class SandboxLetterPostTest extends InvoiceDeliveryConformance {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-15T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path outbox;

    @Override
    protected InvoiceDelivery provider() {
        return new SandboxLetterPost(() -> outbox, CLOCK);
    }

    @Override
    protected int postedCount(String documentNumber) {
        try (Stream<Path> files = Files.list(outbox)) {
            return (int) files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches(java.util.regex.Pattern.quote(documentNumber) + "(-\\d+)?\\.pdf"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void writesTheDocumentBehindAnAddressPageAndAManifest() throws IOException {
        DeliveryReceipt receipt = provider().send(letter("invoice-delivery:row-1", "INV-2027-000042"));

        Path pdf = outbox.resolve("INV-2027-000042.pdf");
        assertThat(pdf).exists();
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(1);
            String addressPage = text.getText(document);
            assertThat(addressPage).contains("Søren Ærø ApS", "Att. Jiří Dvořák", "Æblevej 12, 2. th.", "8000 Aarhus C",
                    "DENMARK", "INV-2027-000042");
            text.setStartPage(2);
            text.setEndPage(2);
            assertThat(text.getText(document)).contains("Invoice INV-2027-000042");
        }
        String manifest = Files.readString(outbox.resolve("INV-2027-000042.json"), StandardCharsets.UTF_8);
        assertThat(manifest).contains("\"reference\": \"" + receipt.reference() + "\"",
                "\"idempotencyKey\": \"invoice-delivery:row-1\"", "\"file\": \"INV-2027-000042.pdf\"",
                "\"Søren Ærø ApS\"", "\"writtenAt\": \"2027-03-15T10:00:00Z\"");
    }

    @Test
    void aRepeatedKeyAfterACrashBeforeTheFilesWritesThemOnce() throws IOException {
        PostalLetter letter = letter("invoice-delivery:row-2", "INV-2027-000043");
        DeliveryReceipt first = provider().send(letter);
        Files.delete(outbox.resolve("INV-2027-000043.pdf")); // as if the host crashed while writing

        DeliveryReceipt again = provider().send(letter);

        assertThat(again.reference()).isEqualTo(first.reference());
        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> !name.startsWith(".")))
                    .containsExactlyInAnyOrder("INV-2027-000043.pdf", "INV-2027-000043.json");
        }
    }

    @Test
    void fileNamesAndManifestTextAreSafe() {
        assertThat(SandboxLetterPost.fileName("INV/2027 01")).isEqualTo("INV_2027_01");
        assertThat(SandboxLetterPost.quote("a \"b\"\n")).isEqualTo("\"a \\\"b\\\"\\n\"");
        assertThat(List.of(new LetterPostSettings(null).fields().get(0).key())).containsExactly("outbox");
    }
}
