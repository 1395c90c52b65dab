package org.kontor.host.billing.pdf;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps openhtmltopdf from writing its own PDF/A XMP, which {@link PdfA3Parts} replaces anyway: building it with
 * XMPBox (reflection over the schema classes, a new JAXP transformer and serialiser per document) took a sixth of the
 * CPU time of a document.
 *
 * <p>openhtmltopdf (1.1.65) has no option for it. The PDF/A mode is read in two places: when the renderer is built
 * (fonts and output device: no non-embedded built-in fonts, no interpolated images) and when it writes the PDF (only
 * to add the XMP). Setting the built renderer's private {@code _pdfAConformance} to NONE skips the second and keeps the
 * first. Should a later version rename the field, nothing is skipped and the documents stay the same, only slower;
 * the tests (veraPDF) would show any change of the PDF itself.
 */
final class RendererXmp {

    private static final Logger LOG = LoggerFactory.getLogger(RendererXmp.class);

    private final Field conformance;

    RendererXmp() {
        Field field;
        try {
            field = PdfBoxRenderer.class.getDeclaredField("_pdfAConformance");
            field.setAccessible(true);
            if (field.getType() != PdfAConformance.class) {
                field = null;
            }
        } catch (NoSuchFieldException | RuntimeException e) {
            field = null;
        }
        if (field == null) {
            LOG.info("openhtmltopdf's renderer has no _pdfAConformance field; invoice PDFs get its XMP built and replaced");
        }
        this.conformance = field;
    }

    /** Call after the renderer is built, before it writes the PDF. */
    void skip(PdfBoxRenderer renderer) {
        if (conformance == null) {
            return;
        }
        try {
            conformance.set(renderer, PdfAConformance.NONE);
        } catch (IllegalAccessException e) {
            // stays PDF/A: its XMP is written and then replaced
        }
    }
}
