package org.kontor.host.billing.einvoice;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.kontor.api.money.Money;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceLine;
import org.kontor.host.billing.Party;
import org.kontor.host.billing.Series;

/**
 * An issued document as UN/CEFACT Cross Industry Invoice (D16B) in the Factur-X / ZUGFeRD 2 profile EN 16931, written
 * from the document's own lines and totals, so the XML carries exactly the figures the PDF prints.
 *
 * <p>Type codes: 380 for an invoice and a settlement, 386 for an advance payment's tax document, 381 for a credit note
 * or cancellation, which names the corrected invoice (BT-25) and, as Factur-X asks of a 381, states its amounts as
 * positive figures (the PDF prints them negative). A settlement's deducted advance payments stay negative lines
 * (quantity −1 at a positive price), so their VAT is deducted in the breakdown per rate.
 *
 * <p>VAT categories: reverse charge AE (exemption code VATEX-EU-AE and the document's wording), export G
 * (VATEX-EU-G), otherwise S for a positive rate and Z for 0 %.
 *
 * <p>Thread-safe: the StAX factory is only used to create writers.
 */
public final class CrossIndustryInvoice {

    public static final String FILE_NAME = "factur-x.xml";
    /** BT-24 of the EN 16931 profile. */
    public static final String PROFILE = "urn:cen.eu:en16931:2017";

    private static final String RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    private static final String RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    private static final String UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
    private static final String QDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";
    private static final DateTimeFormatter DATE_102 = DateTimeFormatter.BASIC_ISO_DATE;

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    /** Whether a document gets the XML: a business buyer (a company, or a VAT id). */
    public static boolean appliesTo(Invoice invoice) {
        Party buyer = invoice.buyer();
        return buyer != null && (buyer.isBusiness() || (buyer.vatId() != null && !buyer.vatId().isBlank()));
    }

    /** UNTDID 1001 document type code. */
    public static String typeCode(Invoice invoice) {
        if (isCredit(invoice)) {
            return "381";
        }
        return invoice.series() == Series.ADVANCE_TAX_DOCUMENT ? "386" : "380";
    }

    private static boolean isCredit(Invoice invoice) {
        return invoice.series() == Series.CREDIT_NOTE || invoice.isCorrection();
    }

    /** The sign that makes a document's figures as the XML states them: −1 for a credit note with negative totals. */
    public static int sign(Invoice invoice) {
        return isCredit(invoice) && invoice.gross() != null && invoice.gross().isNegative() ? -1 : 1;
    }

    /** The document as UTF-8 CII XML. */
    public byte[] write(Invoice invoice) {
        if (!invoice.state().isIssued()) {
            throw new IllegalArgumentException("invoice " + invoice.id() + " is a draft");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out, "UTF-8");
            new Writer(xml, invoice).document();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the CII XML of " + invoice.number() + " failed", e);
        }
        return out.toByteArray();
    }

    /** One document being written. */
    private static final class Writer {

        private final XMLStreamWriter xml;
        private final Invoice invoice;
        private final BigDecimal sign;
        private final int digits;
        private final String category;

        Writer(XMLStreamWriter xml, Invoice invoice) {
            this.xml = xml;
            this.invoice = invoice;
            this.sign = BigDecimal.valueOf(CrossIndustryInvoice.sign(invoice));
            this.digits = Math.max(invoice.currency().getDefaultFractionDigits(), 0);
            this.category = switch (invoice.vatTreatment()) {
                case REVERSE_CHARGE -> "AE";
                case EXPORT -> "G";
                default -> null;
            };
        }

        void document() throws XMLStreamException {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("rsm", "CrossIndustryInvoice", RSM);
            xml.writeNamespace("rsm", RSM);
            xml.writeNamespace("ram", RAM);
            xml.writeNamespace("qdt", QDT);
            xml.writeNamespace("udt", UDT);

            start("rsm", "ExchangedDocumentContext");
            start("ram", "GuidelineSpecifiedDocumentContextParameter");
            text("ID", PROFILE);
            end();
            end();

            start("rsm", "ExchangedDocument");
            text("ID", invoice.number());
            text("TypeCode", typeCode(invoice));
            date("IssueDateTime", invoice.issueDate());
            if (invoice.vatNote() != null && !invoice.vatNote().isBlank()) {
                start("ram", "IncludedNote");
                text("Content", invoice.vatNote());
                end();
            }
            end();

            start("rsm", "SupplyChainTradeTransaction");
            for (InvoiceLine line : invoice.lines()) {
                line(line);
            }
            agreement();
            start("ram", "ApplicableHeaderTradeDelivery");
            if (invoice.supplyDate() != null) {
                start("ram", "ActualDeliverySupplyChainEvent");
                date("OccurrenceDateTime", invoice.supplyDate());
                end();
            }
            end();
            settlement();
            end();

            xml.writeEndElement();
            xml.writeEndDocument();
        }

        private void line(InvoiceLine line) throws XMLStreamException {
            // BR-27: a price is never negative, so the quantity carries the line's sign (net = quantity × price)
            BigDecimal price = line.unitPrice().amount().abs();
            BigDecimal quantity = line.quantity().multiply(sign);
            if (line.unitPrice().amount().signum() < 0) {
                quantity = quantity.negate();
            }
            start("ram", "IncludedSupplyChainTradeLineItem");
            start("ram", "AssociatedDocumentLineDocument");
            text("LineID", Integer.toString(line.position()));
            end();
            start("ram", "SpecifiedTradeProduct");
            text("Name", line.description());
            end();
            start("ram", "SpecifiedLineTradeAgreement");
            start("ram", "NetPriceProductTradePrice");
            text("ChargeAmount", price.setScale(Math.max(digits, price.stripTrailingZeros().scale()),
                    RoundingMode.UNNECESSARY).toPlainString());
            end();
            end();
            start("ram", "SpecifiedLineTradeDelivery");
            start("ram", "BilledQuantity");
            xml.writeAttribute("unitCode", "C62");
            xml.writeCharacters(plain(quantity));
            end();
            end();
            start("ram", "SpecifiedLineTradeSettlement");
            start("ram", "ApplicableTradeTax");
            text("TypeCode", "VAT");
            text("CategoryCode", category(line.vatRate()));
            text("RateApplicablePercent", plain(line.vatRate()));
            end();
            start("ram", "SpecifiedTradeSettlementLineMonetarySummation");
            text("LineTotalAmount", amount(line.net()));
            end();
            end();
            end();
        }

        private void agreement() throws XMLStreamException {
            start("ram", "ApplicableHeaderTradeAgreement");
            party("SellerTradeParty", invoice.seller().party());
            party("BuyerTradeParty", invoice.buyer());
            end();
        }

        private void party(String element, Party party) throws XMLStreamException {
            start("ram", element);
            text("Name", party.displayName());
            if (party.registrationNumber() != null) {
                start("ram", "SpecifiedLegalOrganization");
                text("ID", party.registrationNumber());
                end();
            }
            start("ram", "PostalTradeAddress");
            optional("PostcodeCode", party.postalCode());
            List<String> street = party.street();
            if (!street.isEmpty()) {
                text("LineOne", street.get(0));
            }
            if (street.size() > 1) {
                text("LineTwo", street.get(1));
            }
            if (street.size() > 2) {
                text("LineThree", String.join(", ", street.subList(2, street.size())));
            }
            optional("CityName", party.city());
            text("CountryID", party.countryCode());
            end();
            if (party.email() != null && !party.email().isBlank()) {
                start("ram", "URIUniversalCommunication");
                start("ram", "URIID");
                xml.writeAttribute("schemeID", "EM");
                xml.writeCharacters(party.email());
                end();
                end();
            }
            if (party.vatId() != null && !party.vatId().isBlank()) {
                taxRegistration("VA", party.vatId());
            }
            if (party.taxNumber() != null && !party.taxNumber().isBlank()) {
                taxRegistration("FC", party.taxNumber());
            }
            end();
        }

        private void taxRegistration(String scheme, String id) throws XMLStreamException {
            start("ram", "SpecifiedTaxRegistration");
            start("ram", "ID");
            xml.writeAttribute("schemeID", scheme);
            xml.writeCharacters(id);
            end();
            end();
        }

        private void settlement() throws XMLStreamException {
            Money paid = invoice.paid() == null ? Money.zero(invoice.currency()) : invoice.paid();
            Money due = invoice.gross().minus(paid);
            boolean payable = due.amount().multiply(sign).signum() > 0;
            start("ram", "ApplicableHeaderTradeSettlement");
            optional("PaymentReference", invoice.paymentReference());
            text("InvoiceCurrencyCode", invoice.currency().getCurrencyCode());
            // a credit note's due amount is owed to the buyer: its terms stay (BR-CO-25), the seller's account does not
            if (payable && !isCredit(invoice) && invoice.seller().iban() != null) {
                start("ram", "SpecifiedTradeSettlementPaymentMeans");
                // 58 SEPA credit transfer for EUR, 30 credit transfer otherwise
                text("TypeCode", "EUR".equals(invoice.currency().getCurrencyCode()) ? "58" : "30");
                start("ram", "PayeePartyCreditorFinancialAccount");
                text("IBANID", invoice.seller().iban());
                end();
                if (invoice.seller().bic() != null) {
                    start("ram", "PayeeSpecifiedCreditorFinancialInstitution");
                    text("BICID", invoice.seller().bic());
                    end();
                }
                end();
            }
            for (Breakdown breakdown : breakdowns()) {
                start("ram", "ApplicableTradeTax");
                text("CalculatedAmount", amount(breakdown.vat));
                text("TypeCode", "VAT");
                String reason = exemptionReason(breakdown.category);
                if (reason != null) {
                    text("ExemptionReason", reason);
                }
                text("BasisAmount", amount(breakdown.net));
                text("CategoryCode", breakdown.category);
                if (reason != null) {
                    text("ExemptionReasonCode", "VATEX-EU-" + breakdown.category);
                }
                text("RateApplicablePercent", plain(breakdown.rate));
                end();
            }
            if (payable && invoice.dueDate() != null) {
                start("ram", "SpecifiedTradePaymentTerms");
                date("DueDateDateTime", invoice.dueDate());
                end();
            }
            start("ram", "SpecifiedTradeSettlementHeaderMonetarySummation");
            text("LineTotalAmount", amount(invoice.net()));
            text("TaxBasisTotalAmount", amount(invoice.net()));
            start("ram", "TaxTotalAmount");
            xml.writeAttribute("currencyID", invoice.currency().getCurrencyCode());
            xml.writeCharacters(amount(invoice.vat()));
            end();
            text("GrandTotalAmount", amount(invoice.gross()));
            text("TotalPrepaidAmount", amount(paid));
            text("DuePayableAmount", amount(due));
            end();
            if (invoice.correctsNumber() != null) {
                start("ram", "InvoiceReferencedDocument");
                text("IssuerAssignedID", invoice.correctsNumber());
                end();
            }
            end();
        }

        private String exemptionReason(String category) {
            String note = invoice.vatNote() == null || invoice.vatNote().isBlank() ? null : invoice.vatNote();
            return switch (category) {
                case "AE" -> note != null ? note : "Reverse charge (Article 196 of Council Directive 2006/112/EC)";
                case "G" -> note != null ? note : "Export outside the EU";
                default -> null;
            };
        }

        private String category(BigDecimal rate) {
            if (category != null) {
                return category;
            }
            return rate.signum() > 0 ? "S" : "Z";
        }

        private List<Breakdown> breakdowns() {
            Map<String, Breakdown> byKey = new LinkedHashMap<>();
            for (var total : invoice.vatTotals()) {
                String code = category(total.rate());
                byKey.merge(code + "/" + total.rate().toPlainString(),
                        new Breakdown(code, total.rate(), total.net(), total.vat()),
                        (a, b) -> new Breakdown(a.category, a.rate, a.net.plus(b.net), a.vat.plus(b.vat)));
            }
            return new ArrayList<>(byKey.values());
        }

        private String amount(Money money) {
            return money.amount().multiply(sign).setScale(digits, RoundingMode.UNNECESSARY).toPlainString();
        }

        private static String plain(BigDecimal value) {
            String text = value.stripTrailingZeros().toPlainString();
            return text.equals("-0") ? "0" : text;
        }

        private void date(String element, LocalDate date) throws XMLStreamException {
            start("ram", element);
            start("udt", "DateTimeString");
            xml.writeAttribute("format", "102");
            xml.writeCharacters(DATE_102.format(date));
            end();
            end();
        }

        private void optional(String element, String value) throws XMLStreamException {
            if (value != null && !value.isBlank()) {
                text(element, value);
            }
        }

        private void text(String element, String value) throws XMLStreamException {
            xml.writeStartElement("ram", element, RAM);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }

        private void start(String prefix, String element) throws XMLStreamException {
            xml.writeStartElement(prefix, element, prefix.equals("rsm") ? RSM : prefix.equals("udt") ? UDT : RAM);
        }

        private void end() throws XMLStreamException {
            xml.writeEndElement();
        }
    }

    private record Breakdown(String category, BigDecimal rate, Money net, Money vat) {
    }
}
