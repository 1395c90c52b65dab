package org.kontor.host.billing.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.host.billing.pdf.Documents.business;
import static org.kontor.host.billing.pdf.Documents.consumer;
import static org.kontor.host.billing.pdf.Documents.document;
import static org.kontor.host.billing.pdf.Documents.line;
import static org.kontor.host.billing.pdf.Documents.seller;
import static org.kontor.host.billing.pdf.Documents.text;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.Party;
import org.kontor.host.billing.Series;
import org.kontor.host.billing.VatTreatment;
import org.kontor.host.billing.einvoice.CrossIndustryInvoice;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Business documents are Factur-X (EN 16931): the PDF/A-3 embeds {@code factur-x.xml} as its alternative
 * representation, the XML validates against the Factur-X EN 16931 XSD (the CII D16B subset) and, with the PDF, passes
 * Mustang's validator (veraPDF for PDF/A-3, the XSD, the EN 16931 schematron), and it states the totals the PDF prints.
 */
class FacturXInvoiceTest {

    private static final String XSD = "schema/ZF_250/EN16931/FACTUR-X_EN16931.xsd";

    private static InvoicePdf pdf;

    @BeforeAll
    static void theme() throws Exception {
        pdf = Documents.pdf();
    }

    @Test
    void germanBusinessInvoiceIsAValidFacturXWithThePdfsTotals() throws Exception {
        Invoice invoice = document(Series.INVOICE, "INV-2027-000042", "de", "EUR", Documents.germanSeller(),
                business("DE", "DE136695976", "HRB 98765"), VatTreatment.DOMESTIC, null, List.of(
                        line(1, "Webhosting Business", "12", "9.90", "EUR", "19"),
                        line(2, "Fachbuch Domainrecht", "1", "30.00", "EUR", "7")), null, null);
        byte[] document = pdf.render(invoice);
        Document xml = embeddedXml(document);

        assertThat(xpath(xml, "//*[local-name()='ExchangedDocument']/*[local-name()='TypeCode']")).isEqualTo("380");
        assertThat(xpath(xml, "//*[local-name()='GuidelineSpecifiedDocumentContextParameter']/*[local-name()='ID']"))
                .isEqualTo("urn:cen.eu:en16931:2017");
        assertThat(xpath(xml, "//*[local-name()='SellerTradeParty']/*[local-name()='SpecifiedTaxRegistration']"
                + "/*[@schemeID='VA']")).isEqualTo("DE811907980");
        assertThat(xpath(xml, "//*[local-name()='SellerTradeParty']/*[local-name()='SpecifiedTaxRegistration']"
                + "/*[@schemeID='FC']")).isEqualTo("27/123/45678");
        assertThat(xpath(xml, "//*[local-name()='BuyerTradeParty']/*[local-name()='SpecifiedTaxRegistration']"
                + "/*[@schemeID='VA']")).isEqualTo("DE136695976");
        assertThat(xpath(xml, "//*[local-name()='PayeePartyCreditorFinancialAccount']/*[local-name()='IBANID']"))
                .isEqualTo("DE89370400440532013000");
        assertThat(xpath(xml, "//*[local-name()='SpecifiedTradePaymentTerms']//*[local-name()='DateTimeString']"))
                .isEqualTo("20270329");
        assertThat(count(xml, "//*[local-name()='IncludedSupplyChainTradeLineItem']")).isEqualTo(2);
        assertThat(breakdown(xml, "S", "19")).isEqualTo("118.80 22.57");
        assertThat(breakdown(xml, "S", "7")).isEqualTo("30.00 2.10");
        assertSameTotals(xml, text(document), "Gesamtbetrag", 1);
        assertThat(xpath(xml, "//*[local-name()='DuePayableAmount']")).isEqualTo("173.47");
        assertValidFacturX(document);
    }

    @Test
    void creditNoteIs381WithTheCorrectedInvoiceAndPositiveFigures() throws Exception {
        Invoice credit = document(Series.CREDIT_NOTE, "CN-2027-000007", "cs", "CZK", Documents.czechSeller(),
                new Party("Jan Novák", "Novák s.r.o.", List.of("Národní 1"), "110 00", "Praha", "CZ", "CZ25596641",
                        "25596641", null, null), VatTreatment.DOMESTIC, null,
                List.of(line(1, "Webhosting (storno)", "-1", "1000.00", "CZK", "21")), null, "INV-2027-000042");
        byte[] document = pdf.render(credit);
        Document xml = embeddedXml(document);

        assertThat(text(document)).contains("Opravuje daňový doklad č. INV-2027-000042");
        assertThat(xpath(xml, "//*[local-name()='ExchangedDocument']/*[local-name()='TypeCode']")).isEqualTo("381");
        assertThat(xpath(xml, "//*[local-name()='InvoiceReferencedDocument']/*[local-name()='IssuerAssignedID']"))
                .isEqualTo("INV-2027-000042");
        assertThat(xpath(xml, "//*[local-name()='BilledQuantity']")).isEqualTo("1");
        assertSameTotals(xml, text(document), "Celkem k úhradě", -1);
        assertThat(xpath(xml, "//*[local-name()='GrandTotalAmount']")).isEqualTo("1210.00");
        assertThat(count(xml, "//*[local-name()='SpecifiedTradeSettlementPaymentMeans']")).isZero();
        assertValidFacturX(document);
    }

    @Test
    void reverseChargeIsCategoryAeWithItsExemptionReason() throws Exception {
        String note = "Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge, Art. 196 MwStSystRL).";
        Invoice invoice = document(Series.INVOICE, "INV-2027-000050", "de", "EUR", seller("DK5000400440116243",
                "DABADKKK", null), business("DE", "DE136695976", null), VatTreatment.REVERSE_CHARGE, note,
                List.of(line(1, "Domain .de", "2", "12.00", "EUR", "0")), null, null);
        byte[] document = pdf.render(invoice);
        Document xml = embeddedXml(document);

        assertThat(breakdown(xml, "AE", "0")).isEqualTo("24.00 0.00");
        assertThat(xpath(xml, "//*[local-name()='ApplicableHeaderTradeSettlement']/*[local-name()='ApplicableTradeTax']"
                + "/*[local-name()='ExemptionReason']")).isEqualTo(note);
        assertThat(xpath(xml, "//*[local-name()='ApplicableHeaderTradeSettlement']/*[local-name()='ApplicableTradeTax']"
                + "/*[local-name()='ExemptionReasonCode']")).isEqualTo("VATEX-EU-AE");
        assertSameTotals(xml, text(document), "Gesamtbetrag", 1);
        assertValidFacturX(document);
    }

    @Test
    void exportIsCategoryG() throws Exception {
        Party buyer = new Party("Ola Nordmann", "Nordic Hosting AS", List.of("Karl Johans gate 1"), "0154", "Oslo",
                "NO", null, "923609016", null, null);
        Invoice invoice = document(Series.INVOICE, "INV-2027-000051", "en", "EUR", seller("DK5000400440116243",
                "DABADKKK", null), buyer, VatTreatment.EXPORT, null, List.of(line(1, "Dedicated server", "2", "50.00",
                "EUR", "0")), null, null);
        byte[] document = pdf.render(invoice);
        Document xml = embeddedXml(document);

        assertThat(breakdown(xml, "G", "0")).isEqualTo("100.00 0.00");
        assertThat(xpath(xml, "//*[local-name()='ExemptionReasonCode']")).isEqualTo("VATEX-EU-G");
        assertSameTotals(xml, text(document), "Total due", 1);
        assertValidFacturX(document);
    }

    @Test
    void settlementDeductsTheAdvancesVatAndLeavesNothingDue() throws Exception {
        Invoice settlement = document(Series.SETTLEMENT, "SET-2027-000003", "cs", "CZK", Documents.czechSeller(),
                business("CZ", "CZ25596641", "25596641"), VatTreatment.DOMESTIC, null, List.of(
                        line(1, "Webhosting březen", "1", "800.00", "CZK", "21"),
                        line(2, "Doména example.cz", "1", "200.00", "CZK", "21"),
                        line(3, "Záloha ADV-2027-000011", "-1", "500.00", "CZK", "21")), "all", null);
        byte[] document = pdf.render(settlement);
        Document xml = embeddedXml(document);

        assertThat(xpath(xml, "//*[local-name()='ExchangedDocument']/*[local-name()='TypeCode']")).isEqualTo("380");
        assertThat(breakdown(xml, "S", "21")).isEqualTo("500.00 105.00");
        assertSameTotals(xml, text(document), "Celkem k úhradě", 1);
        assertThat(xpath(xml, "//*[local-name()='TotalPrepaidAmount']")).isEqualTo("605.00");
        assertThat(xpath(xml, "//*[local-name()='DuePayableAmount']")).isEqualTo("0.00");
        assertThat(count(xml, "//*[local-name()='SpecifiedTradeSettlementPaymentMeans']")).isZero();
        assertValidFacturX(document);
    }

    @Test
    void advancePaymentTaxDocumentIs386() throws Exception {
        Invoice advance = document(Series.ADVANCE_TAX_DOCUMENT, "ADV-2027-000011", "sk", "EUR",
                Documents.slovakSeller(), business("SK", "SK2021234567", "12345678"), VatTreatment.DOMESTIC, null,
                List.of(line(1, "Preddavok na hosting", "1", "100.00", "EUR", "23")), "all", null);
        byte[] document = pdf.render(advance);
        Document xml = embeddedXml(document);

        assertThat(xpath(xml, "//*[local-name()='ExchangedDocument']/*[local-name()='TypeCode']")).isEqualTo("386");
        assertSameTotals(xml, text(document), "Celkom na úhradu", 1);
        assertThat(xpath(xml, "//*[local-name()='DuePayableAmount']")).isEqualTo("0.00");
        assertValidFacturX(document);
    }

    @Test
    void theValidatorRejectsAnXmlWhoseTotalsDoNotAddUp() throws Exception {
        Invoice invoice = document(Series.INVOICE, "INV-2027-000053", "de", "EUR", Documents.germanSeller(),
                business("DE", "DE136695976", null), VatTreatment.DOMESTIC, null, List.of(
                        line(1, "Webhosting Business", "1", "100.00", "EUR", "19")), null, null);
        byte[] document = pdf.render(invoice);
        byte[] tampered;
        try (PDDocument doc = Loader.loadPDF(document)) {
            PDComplexFileSpecification spec = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames()
                    .get(CrossIndustryInvoice.FILE_NAME);
            String xml = new String(spec.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xml).contains("<ram:GrandTotalAmount>119.00</ram:GrandTotalAmount>");
            byte[] wrong = xml.replace("<ram:GrandTotalAmount>119.00</ram:GrandTotalAmount>",
                    "<ram:GrandTotalAmount>191.00</ram:GrandTotalAmount>").getBytes(StandardCharsets.UTF_8);
            try (var out = spec.getEmbeddedFile().getCOSObject().createOutputStream()) {
                out.write(wrong);
            }
            spec.getEmbeddedFile().setSize(wrong.length);
            var bytes = new java.io.ByteArrayOutputStream();
            doc.save(bytes);
            tampered = bytes.toByteArray();
        }

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(tampered, "tampered.pdf");
        assertThat(report).as(report).contains("<summary status=\"invalid\"/>").contains("BR-CO-15");
        assertThat(validator.wasCompletelyValid()).isFalse();
    }

    @Test
    void consumerDocumentsCarryNoXml() throws Exception {
        Invoice invoice = document(Series.INVOICE, "INV-2027-000052", "da", "DKK", seller("DK5000400440116243",
                "DABADKKK", "85475103"), consumer("DK"), VatTreatment.DOMESTIC, null, List.of(line(1, "Webhotel",
                "1", "89.00", "DKK", "25")), null, null);
        byte[] document = pdf.render(invoice);

        try (PDDocument doc = Loader.loadPDF(document)) {
            assertThat(doc.getDocumentCatalog().getNames()).isNull();
            assertThat(doc.getDocumentCatalog().getCOSObject().getItem(COSName.getPDFName("AF"))).isNull();
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("<pdfaid:part>3</pdfaid:part>").doesNotContain("factur-x");
        }
        assertThat(pdf.eInvoice(invoice)).isEmpty();
    }

    /** The embedded factur-x.xml: present, the catalogue's associated file, relationship Alternative; parsed. */
    private static Document embeddedXml(byte[] document) throws Exception {
        byte[] xml;
        try (PDDocument doc = Loader.loadPDF(document)) {
            PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
            assertThat(names).as("name dictionary").isNotNull();
            PDComplexFileSpecification spec = names.getEmbeddedFiles().getNames().get(CrossIndustryInvoice.FILE_NAME);
            assertThat(spec).as("factur-x.xml").isNotNull();
            assertThat(spec.getCOSObject().getNameAsString(COSName.getPDFName("AFRelationship"))).isEqualTo("Alternative");
            assertThat(spec.getEmbeddedFile().getSubtype()).isEqualTo("text/xml");
            COSArray af = (COSArray) doc.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.getPDFName("AF"));
            COSBase first = af.get(0);
            assertThat(first instanceof COSObject object ? object.getObject() : first).isSameAs(spec.getCOSObject());
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("<pdfaid:part>3</pdfaid:part>", "<pdfaid:conformance>U</pdfaid:conformance>",
                    "<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>",
                    "<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>",
                    "<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>");
            xml = spec.getEmbeddedFile().toByteArray();
        }
        URL xsd = FacturXInvoiceTest.class.getClassLoader().getResource(XSD);
        assertThat(xsd).as(XSD).isNotNull();
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(xml)));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** Mustang's validator: veraPDF (PDF/A-3), the Factur-X XSD and the EN 16931 schematron; no errors. */
    private static void assertValidFacturX(byte[] document) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(document, "invoice.pdf");
        // the report has a part for the PDF (veraPDF) and one for the XML (schema and schematron)
        assertThat(report).as(report).contains("<summary status=\"valid\"/>", "<pdf>", "<xml>");
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
    }

    /**
     * The XML's net, VAT and grand total equal the total row the PDF prints ({@code sign} −1 for a credit note,
     * whose XML states positive figures).
     */
    private static void assertSameTotals(Document xml, String text, String label, int sign) throws Exception {
        Matcher row = Pattern.compile(Pattern.quote(label) + "\\s+(-?[\\d  ]+[.,]\\d{2}) \\w{3}\\s+(-?[\\d  ]+[.,]\\d{2}) \\w{3}"
                + "\\s+(-?[\\d  ]+[.,]\\d{2}) \\w{3}").matcher(text);
        assertThat(row.find()).as("total row '" + label + "' in\n" + text).isTrue();
        BigDecimal s = BigDecimal.valueOf(sign);
        assertThat(new BigDecimal(xpath(xml, "//*[local-name()='TaxBasisTotalAmount']"))).isEqualTo(amount(row.group(1)).multiply(s));
        assertThat(new BigDecimal(xpath(xml, "//*[local-name()='LineTotalAmount' and parent::*[local-name()="
                + "'SpecifiedTradeSettlementHeaderMonetarySummation']]"))).isEqualTo(amount(row.group(1)).multiply(s));
        assertThat(new BigDecimal(xpath(xml, "//*[local-name()='TaxTotalAmount']"))).isEqualTo(amount(row.group(2)).multiply(s));
        assertThat(new BigDecimal(xpath(xml, "//*[local-name()='GrandTotalAmount']"))).isEqualTo(amount(row.group(3)).multiply(s));
    }

    private static BigDecimal amount(String printed) {
        String digits = printed.replace(" ", "").replace("\u00a0", "");
        // the last separator is the decimal one; "1 546,00" and "173.47"
        return new BigDecimal(digits.substring(0, digits.length() - 3).replace(",", "").replace(".", "") + "."
                + digits.substring(digits.length() - 2));
    }

    /** "basis tax" of the header's VAT breakdown with that category and rate. */
    private static String breakdown(Document xml, String category, String rate) throws Exception {
        String base = "//*[local-name()='ApplicableHeaderTradeSettlement']/*[local-name()='ApplicableTradeTax']"
                + "[*[local-name()='CategoryCode']='" + category + "'][*[local-name()='RateApplicablePercent']='" + rate + "']";
        return xpath(xml, base + "/*[local-name()='BasisAmount']") + " " + xpath(xml, base + "/*[local-name()='CalculatedAmount']");
    }

    private static String xpath(Document xml, String expression) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(expression, xml);
    }

    private static int count(Document xml, String expression) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(expression, xml, XPathConstants.NODESET))
                .getLength();
    }
}
