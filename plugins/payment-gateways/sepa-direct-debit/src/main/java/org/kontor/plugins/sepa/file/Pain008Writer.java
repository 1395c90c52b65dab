package org.kontor.plugins.sepa.file;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.kontor.plugins.sepa.SepaSettings.Creditor;
import org.kontor.plugins.sepa.check.SepaText;
import org.kontor.plugins.sepa.mandate.Scheme;
import org.kontor.plugins.sepa.mandate.SequenceType;

/**
 * Writes a pain.008.001.08 customer direct debit initiation with the JDK's streaming XML writer: one PmtInf block
 * per scheme, sequence type and due date, each with its exact count and control sum, and the group header's over all.
 */
public final class Pain008Writer {

    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.08";

    /** One PmtInf block: the transactions that share scheme, sequence type and due date. */
    public record Batch(Scheme scheme, SequenceType sequenceType, LocalDate dueDate, List<DirectDebit> debits) {

        public BigDecimal controlSum() {
            return debits.stream().map(d -> d.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** Groups the transactions into batches in a stable order: due date, scheme, sequence type. */
    public static List<Batch> batches(List<DirectDebit> debits) {
        Map<List<Object>, List<DirectDebit>> groups = new LinkedHashMap<>();
        debits.stream()
                .sorted(Comparator.comparing(DirectDebit::dueDate).thenComparing(DirectDebit::scheme)
                        .thenComparing(DirectDebit::sequenceType).thenComparing(DirectDebit::endToEndId))
                .forEach(d -> groups.computeIfAbsent(List.of(d.dueDate(), d.scheme(), d.sequenceType()),
                        k -> new ArrayList<>()).add(d));
        return groups.values().stream()
                .map(list -> new Batch(list.get(0).scheme(), list.get(0).sequenceType(), list.get(0).dueDate(),
                        List.copyOf(list)))
                .toList();
    }

    /** The document for {@code debits}; there must be at least one. */
    public byte[] write(String messageId, Instant createdAt, Creditor creditor, List<DirectDebit> debits) {
        if (debits.isEmpty()) {
            throw new IllegalArgumentException("a collection file needs at least one transaction");
        }
        List<Batch> batches = batches(debits);
        BigDecimal total = batches.stream().map(Batch::controlSum).reduce(BigDecimal.ZERO, BigDecimal::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "Document");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeStartElement("CstmrDrctDbtInitn");

            xml.writeStartElement("GrpHdr");
            text(xml, "MsgId", messageId);
            text(xml, "CreDtTm", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                    createdAt.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toLocalDateTime()));
            text(xml, "NbOfTxs", Integer.toString(debits.size()));
            text(xml, "CtrlSum", total.toPlainString());
            xml.writeStartElement("InitgPty");
            text(xml, "Nm", SepaText.transliterate(creditor.name(), 70));
            xml.writeEndElement();
            xml.writeEndElement();

            int block = 0;
            for (Batch batch : batches) {
                block++;
                paymentInformation(xml, messageId + "-" + block, creditor, batch);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the collection file", e);
        }
        return out.toByteArray();
    }

    private static void paymentInformation(XMLStreamWriter xml, String id, Creditor creditor, Batch batch)
            throws XMLStreamException {
        xml.writeStartElement("PmtInf");
        text(xml, "PmtInfId", id);
        text(xml, "PmtMtd", "DD");
        text(xml, "BtchBookg", "true");
        text(xml, "NbOfTxs", Integer.toString(batch.debits().size()));
        text(xml, "CtrlSum", batch.controlSum().toPlainString());
        xml.writeStartElement("PmtTpInf");
        xml.writeStartElement("SvcLvl");
        text(xml, "Cd", "SEPA");
        xml.writeEndElement();
        xml.writeStartElement("LclInstrm");
        text(xml, "Cd", batch.scheme().name());
        xml.writeEndElement();
        text(xml, "SeqTp", batch.sequenceType().name());
        xml.writeEndElement();
        text(xml, "ReqdColltnDt", batch.dueDate().toString());
        xml.writeStartElement("Cdtr");
        text(xml, "Nm", SepaText.transliterate(creditor.name(), 70));
        xml.writeEndElement();
        account(xml, "CdtrAcct", creditor.iban());
        agent(xml, "CdtrAgt", creditor.bic());
        text(xml, "ChrgBr", "SLEV");
        xml.writeStartElement("CdtrSchmeId");
        xml.writeStartElement("Id");
        xml.writeStartElement("PrvtId");
        xml.writeStartElement("Othr");
        text(xml, "Id", creditor.creditorId());
        xml.writeStartElement("SchmeNm");
        text(xml, "Prtry", "SEPA");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        for (DirectDebit debit : batch.debits()) {
            transaction(xml, debit);
        }
        xml.writeEndElement();
    }

    private static void transaction(XMLStreamWriter xml, DirectDebit debit) throws XMLStreamException {
        xml.writeStartElement("DrctDbtTxInf");
        xml.writeStartElement("PmtId");
        text(xml, "EndToEndId", debit.endToEndId());
        xml.writeEndElement();
        xml.writeStartElement("InstdAmt");
        xml.writeAttribute("Ccy", debit.amount().currencyCode());
        xml.writeCharacters(debit.amount().amount().toPlainString());
        xml.writeEndElement();
        xml.writeStartElement("DrctDbtTx");
        xml.writeStartElement("MndtRltdInf");
        text(xml, "MndtId", debit.mandateReference());
        text(xml, "DtOfSgntr", debit.signedOn().toString());
        xml.writeEndElement();
        xml.writeEndElement();
        agent(xml, "DbtrAgt", debit.bic());
        xml.writeStartElement("Dbtr");
        text(xml, "Nm", SepaText.transliterate(debit.debtorName(), 70));
        xml.writeEndElement();
        account(xml, "DbtrAcct", debit.iban());
        String remittance = SepaText.transliterate(debit.remittance(), 140);
        if (!remittance.isEmpty()) {
            xml.writeStartElement("RmtInf");
            text(xml, "Ustrd", remittance);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void account(XMLStreamWriter xml, String element, String iban) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("Id");
        text(xml, "IBAN", iban);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** The bank by BIC, or {@code NOTPROVIDED} as the rulebook allows for IBAN-only mandates. */
    private static void agent(XMLStreamWriter xml, String element, String bic) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("FinInstnId");
        if (bic != null) {
            text(xml, "BICFI", bic);
        } else {
            xml.writeStartElement("Othr");
            text(xml, "Id", "NOTPROVIDED");
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
