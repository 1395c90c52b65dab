package org.kontor.host.billing.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.kontor.host.billing.einvoice.CrossIndustryInvoice;

/**
 * What a PDF/A-3u document of Kontor carries beside its pages: the XMP metadata (PDF/A identification, title, dates,
 * producer, mirrored in the document information dictionary as PDF/A requires) and, for an e-invoice, the embedded
 * {@code factur-x.xml} (relationship Alternative, listed in the catalogue's /AF) with the Factur-X XMP extension
 * schema. The XMP is written as text: building it with XMPBox and a JAXP transformer cost more than the rest of the
 * metadata step per document.
 */
final class PdfA3Parts {

    static final String PRODUCER = "Kontor (openhtmltopdf, PDFBox)";

    private static final DateTimeFormatter XMP_DATE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private PdfA3Parts() {
    }

    /**
     * Replaces the document's XMP and information dictionary, and embeds the Factur-X XML when there is one.
     *
     * @param facturX      the CII XML, or null for a document without one
     * @param facturXType  Factur-X DocumentType: INVOICE (also for credit notes, as the standard has it)
     */
    static void apply(PDDocument document, String title, String language, Instant created, byte[] facturX,
                      String facturXType) throws IOException {
        Instant at = created.truncatedTo(ChronoUnit.SECONDS);
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(at.toEpochMilli());

        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setProducer(PRODUCER);
        info.setCreator(PRODUCER);
        info.setCreationDate(calendar);
        info.setModificationDate(calendar);
        document.setDocumentInformation(info);

        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setLanguage(language);
        if (facturX != null) {
            PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(facturX));
            file.setSubtype("text/xml");
            file.setSize(facturX.length);
            file.setCreationDate(calendar);
            file.setModDate(calendar);
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(CrossIndustryInvoice.FILE_NAME);
            spec.setFileUnicode(CrossIndustryInvoice.FILE_NAME);
            spec.setFileDescription("Factur-X invoice (EN 16931)");
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Alternative");
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of(CrossIndustryInvoice.FILE_NAME, spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
            names.setEmbeddedFiles(tree);
            catalog.setNames(names);
            COSArray af = new COSArray();
            af.add(spec.getCOSObject());
            catalog.getCOSObject().setItem(COSName.getPDFName("AF"), af);
        }

        PDMetadata metadata = new PDMetadata(document);
        try (OutputStream out = metadata.createOutputStream()) {
            out.write(xmp(title, XMP_DATE.format(at.atOffset(ZoneOffset.UTC)), facturX != null, facturXType)
                    .getBytes(StandardCharsets.UTF_8));
        }
        catalog.setMetadata(metadata);
    }

    static String xmp(String title, String date, boolean facturX, String facturXType) {
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
                .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
                .append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">")
                .append("<pdfaid:part>3</pdfaid:part><pdfaid:conformance>U</pdfaid:conformance></rdf:Description>\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">")
                .append("<dc:format>application/pdf</dc:format>")
                .append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(escape(title))
                .append("</rdf:li></rdf:Alt></dc:title></rdf:Description>\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">")
                .append("<pdf:Producer>").append(PRODUCER).append("</pdf:Producer></rdf:Description>\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">")
                .append("<xmp:CreatorTool>").append(PRODUCER).append("</xmp:CreatorTool>")
                .append("<xmp:CreateDate>").append(date).append("</xmp:CreateDate>")
                .append("<xmp:ModifyDate>").append(date).append("</xmp:ModifyDate>")
                .append("<xmp:MetadataDate>").append(date).append("</xmp:MetadataDate></rdf:Description>\n");
        if (facturX) {
            x.append("<rdf:Description rdf:about=\"\" xmlns:fx=\"urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#\">")
                    .append("<fx:DocumentType>").append(facturXType).append("</fx:DocumentType>")
                    .append("<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>")
                    .append("<fx:Version>1.0</fx:Version>")
                    .append("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel></rdf:Description>\n")
                    .append("<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"")
                    .append(" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"")
                    .append(" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n")
                    .append("<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">")
                    .append("<pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>")
                    .append("<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>")
                    .append("<pdfaSchema:prefix>fx</pdfaSchema:prefix>")
                    .append("<pdfaSchema:property><rdf:Seq>\n");
            property(x, "DocumentFileName", "Name of the embedded XML invoice file");
            property(x, "DocumentType", "INVOICE");
            property(x, "Version", "The actual version of the Factur-X XML schema");
            property(x, "ConformanceLevel", "The conformance level of the embedded Factur-X data");
            x.append("</rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>\n");
        }
        return x.append("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>").toString();
    }

    private static void property(StringBuilder x, String name, String description) {
        x.append("<rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>").append(name)
                .append("</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType>")
                .append("<pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>")
                .append(description).append("</pdfaProperty:description></rdf:li>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
