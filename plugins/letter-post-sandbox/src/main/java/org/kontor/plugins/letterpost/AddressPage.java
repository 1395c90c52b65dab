package org.kontor.plugins.letterpost;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Puts an A4 address page in front of a document, with the recipient where the window of a DIN C5/6 or DL envelope
 * (DIN 5008 form B, also the Danish and Czech post's standard window) shows it: 25 mm from the left edge, starting
 * 63 mm from the top, at most 85 mm wide.
 */
final class AddressPage {

    private static final float MM = 72f / 25.4f;
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private AddressPage() {
    }

    static byte[] prepend(byte[] pdf, List<String> addressLines, String documentNumber) {
        try (PDDocument document = Loader.loadPDF(pdf); InputStream font = AddressPage.class.getResourceAsStream(FONT)) {
            if (font == null) {
                throw new IllegalStateException(FONT + " is missing from PDFBox");
            }
            PDFont sans = PDType0Font.load(document, font);
            PDPage page = new PDPage(PDRectangle.A4);
            float top = PDRectangle.A4.getHeight();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(sans, 10);
                content.setLeading(12.5f);
                content.newLineAtOffset(25 * MM, top - 63 * MM);
                for (String line : addressLines) {
                    content.showText(fit(sans, line, 10, 85 * MM));
                    content.newLine();
                }
                content.endText();
                content.beginText();
                content.setFont(sans, 8);
                content.newLineAtOffset(25 * MM, top - 115 * MM);
                content.showText(documentNumber);
                content.endText();
            }
            if (document.getNumberOfPages() == 0) {
                document.addPage(page);
            } else {
                document.getPages().insertBefore(page, document.getPage(0));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the document is not a readable PDF", e);
        }
    }

    /** The line, cut so that it fits the window. */
    private static String fit(PDFont font, String line, float size, float width) throws IOException {
        String text = line.replaceAll("\\p{Cntrl}", " ");
        while (text.length() > 1 && font.getStringWidth(text) / 1000 * size > width) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
