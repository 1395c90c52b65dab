package org.kontor.plugins.sepa.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.database.Database;
import org.kontor.plugins.sepa.SepaFixture;
import org.kontor.plugins.sepa.SepaGateway;
import org.kontor.plugins.sepa.SepaSettings.Creditor;
import org.kontor.plugins.sepa.collection.CollectionState;
import org.kontor.plugins.sepa.mandate.Scheme;
import org.kontor.plugins.sepa.mandate.SequenceType;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@DatabaseTest(plugins = "payment-sepa")
class CollectionFilesTest {

    private static final Creditor CREDITOR = new Creditor("Kontor Hosting GmbH", "DE89370400440532013000",
            "COBADEFFXXX", SepaFixture.CREDITOR_ID);

    @org.junit.jupiter.api.Test
    void batchesBySchemeSequenceAndDueDateWithExactSums() throws Exception {
        LocalDate d1 = LocalDate.of(2026, 12, 8);
        LocalDate d2 = LocalDate.of(2026, 12, 9);
        List<DirectDebit> debits = List.of(
                debit("E1", "0.01", Scheme.CORE, SequenceType.FRST, d1, null),
                debit("E2", "119.99", Scheme.CORE, SequenceType.FRST, d1, "BYLADEM1001"),
                debit("E3", "1000000.10", Scheme.CORE, SequenceType.RCUR, d1, "BYLADEM1001"),
                debit("E4", "33.33", Scheme.CORE, SequenceType.RCUR, d2, null),
                debit("E5", "0.10", Scheme.B2B, SequenceType.RCUR, d1, "DEUTDEFF"),
                debit("E6", "0.20", Scheme.CORE, SequenceType.OOFF, d1, null));
        byte[] xml = new Pain008Writer().write("MSG-1", java.time.Instant.parse("2026-11-24T09:00:00.123Z"), CREDITOR,
                debits);

        new Pain008Schema().validate(xml);

        Document doc = parse(xml);
        assertThat(text(doc.getDocumentElement(), "GrpHdr/NbOfTxs")).isEqualTo("6");
        assertThat(new BigDecimal(text(doc.getDocumentElement(), "GrpHdr/CtrlSum")))
                .isEqualByComparingTo(sum(debits));
        assertThat(text(doc.getDocumentElement(), "GrpHdr/CreDtTm")).isEqualTo("2026-11-24T09:00:00");
        NodeList blocks = doc.getElementsByTagNameNS(Pain008Writer.NAMESPACE, "PmtInf");
        Map<String, List<String>> seen = new HashMap<>();
        for (int i = 0; i < blocks.getLength(); i++) {
            Element block = (Element) blocks.item(i);
            NodeList txs = block.getElementsByTagNameNS(Pain008Writer.NAMESPACE, "DrctDbtTxInf");
            BigDecimal blockSum = BigDecimal.ZERO;
            List<String> ids = new ArrayList<>();
            for (int t = 0; t < txs.getLength(); t++) {
                blockSum = blockSum.add(new BigDecimal(text((Element) txs.item(t), "InstdAmt")));
                ids.add(text((Element) txs.item(t), "PmtId/EndToEndId"));
            }
            assertThat(text(block, "NbOfTxs")).isEqualTo(Integer.toString(txs.getLength()));
            assertThat(new BigDecimal(text(block, "CtrlSum"))).isEqualByComparingTo(blockSum);
            seen.put(text(block, "PmtTpInf/LclInstrm/Cd") + "/" + text(block, "PmtTpInf/SeqTp") + "/"
                    + text(block, "ReqdColltnDt"), ids);
        }
        assertThat(seen).containsOnly(
                Map.entry("CORE/FRST/2026-12-08", List.of("E1", "E2")),
                Map.entry("CORE/RCUR/2026-12-08", List.of("E3")),
                Map.entry("CORE/OOFF/2026-12-08", List.of("E6")),
                Map.entry("B2B/RCUR/2026-12-08", List.of("E5")),
                Map.entry("CORE/RCUR/2026-12-09", List.of("E4")));
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("<CtrlSum>1000153.73</CtrlSum>", "<InstdAmt Ccy=\"EUR\">0.01</InstdAmt>",
                "<Othr><Id>NOTPROVIDED</Id></Othr>", "<Id>DE98ZZZ09999999999</Id><SchmeNm><Prtry>SEPA</Prtry>",
                "<Nm>Jurgen Muller</Nm>");
    }

    @org.junit.jupiter.api.Test
    void theSchemaRefusesWhatTheOfficialOneRefuses() {
        byte[] good = new Pain008Writer().write("MSG-2", java.time.Instant.parse("2026-11-24T09:00:00Z"), CREDITOR,
                List.of(debit("E1", "1.00", Scheme.CORE, SequenceType.FRST, LocalDate.of(2026, 12, 8), null)));
        String xml = new String(good, StandardCharsets.UTF_8);
        Pain008Schema schema = new Pain008Schema();
        assertThatThrownBy(() -> schema.validate(xml.replace("<SeqTp>FRST</SeqTp>", "<SeqTp>FIRST</SeqTp>")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> schema.validate(xml.replace("<PmtMtd>DD</PmtMtd>", "<PmtMtd>TRF</PmtMtd>")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> schema.validate(xml.replace("<BICFI>COBADEFFXXX</BICFI>", "<BICFI>cobadeff</BICFI>")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> schema.validate(xml.replace("<NbOfTxs>1</NbOfTxs>", "<NbOfTxs>one</NbOfTxs>")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
        // Elements out of the official order.
        assertThatThrownBy(() -> schema.validate(xml.replaceFirst("<PmtMtd>DD</PmtMtd><BtchBookg>true</BtchBookg>",
                "<BtchBookg>true</BtchBookg><PmtMtd>DD</PmtMtd>").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> schema.validate(xml.replace("pain.008.001.08", "pain.008.001.02")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
    }

    @DbTest
    void aFileTakesTheDueCollectionsMarksThemSubmittedAndIsWrittenIntoTheFolder(Database db) throws Exception {
        SepaFixture f = new SepaFixture(db);
        SepaGateway gateway = new SepaGateway(f.context);
        List<String> ids = new ArrayList<>();
        Money total = Money.zero(java.util.Currency.getInstance("EUR"));
        for (String amount : List.of("19.99", "0.01", "250.00")) {
            String customer = SepaFixture.customer();
            f.mandate(customer, true, "en");
            var outcome = gateway.purchase(PaymentRequest.of(IdempotencyKey.of("inv:" + UUID.randomUUID()),
                    Money.of(amount, "EUR"), PaymentMethodType.SEPA_DIRECT_DEBIT, "INV-" + amount, null, customer));
            assertThat(outcome.status()).isEqualTo(OutcomeStatus.PENDING);
            ids.add(outcome.reference());
            total = total.plus(Money.of(amount, "EUR"));
        }
        // Earlier tests in this class may have left collections; the file takes every pending one that is due.
        long pendingMinor = db.jdbi().withHandle(h -> h.createQuery("SELECT SUM(amount_minor) FROM "
                + "payment_sepa_collection WHERE state = 'PENDING'").mapTo(Long.class).one());
        BigDecimal pendingBefore = BigDecimal.valueOf(pendingMinor, 2);

        CollectionFiles.Produced file = f.sepa.files().produce("admin-1").orElseThrow();

        assertThat(file.controlSum()).isEqualByComparingTo(pendingBefore);
        assertThat(file.controlSum()).isGreaterThanOrEqualTo(total.amount());
        byte[] xml = Files.readAllBytes(file.path());
        new Pain008Schema().validate(xml);
        assertThat(file.path().getParent()).isEqualTo(f.dataDir.resolve("collections"));
        assertThat(new BigDecimal(text(parse(xml).getDocumentElement(), "GrpHdr/CtrlSum")))
                .isEqualByComparingTo(file.controlSum());
        assertThat(f.sepa.collections().list(CollectionState.SUBMITTED, 500))
                .filteredOn(c -> ids.contains(c.endToEndId())).hasSize(3)
                .allSatisfy(c -> assertThat(c.fileId()).isEqualTo(file.fileId()));
        assertThat(f.sepa.files().produce("admin-1")).as("nothing left to collect").isEmpty();

        // PROCESSED once the return window after the due date (8 December + 5 business days) has passed.
        var key = IdempotencyKey.of(f.sepa.collections().list(null, 500).stream()
                .filter(c -> c.endToEndId().equals(ids.get(0))).findFirst().orElseThrow().idempotencyKey());
        assertThat(gateway.status(key).status()).isEqualTo(OutcomeStatus.PENDING);
        f.clock.advance(Duration.ofDays(21));
        assertThat(gateway.status(key).status()).as("15 December, the last day of the window").isEqualTo(OutcomeStatus.PENDING);
        f.clock.advance(Duration.ofDays(1));
        assertThat(gateway.status(key).status()).isEqualTo(OutcomeStatus.PROCESSED);
    }

    @DbTest
    void aCollectionWhoseDateCanNoLongerBeMetMovesToTheEarliestDate(Database db) throws Exception {
        SepaFixture f = new SepaFixture(db);
        f.settings.put("prenotification.days", "0");
        SepaGateway gateway = new SepaGateway(f.context);
        String customer = SepaFixture.customer();
        f.mandate(customer, true, "en");
        var outcome = gateway.purchase(PaymentRequest.of(IdempotencyKey.of("inv:" + UUID.randomUUID()),
                Money.of("5.00", "EUR"), PaymentMethodType.SEPA_DIRECT_DEBIT, "INV-5", null, customer));
        f.clock.advance(Duration.ofDays(3));
        CollectionFiles.Produced file = f.sepa.files().produce("admin-1").orElseThrow();
        String xml = Files.readString(file.path());
        // Recorded on Tuesday 24 November for Wednesday 25; filed on Friday 27, so Monday 30 November at the earliest.
        assertThat(xml).contains("<ReqdColltnDt>2026-11-30</ReqdColltnDt>").doesNotContain("2026-11-25<");
        assertThat(f.sepa.collections().list(CollectionState.SUBMITTED, 500))
                .filteredOn(c -> c.endToEndId().equals(outcome.reference()))
                .singleElement().satisfies(c -> assertThat(c.dueDate()).isEqualTo(LocalDate.of(2026, 11, 30)));
    }

    private static DirectDebit debit(String id, String amount, Scheme scheme, SequenceType type, LocalDate due, String bic) {
        return new DirectDebit(id, Money.of(amount, "EUR"), scheme, type, due, "MANDATE-" + id, LocalDate.of(2026, 1, 15),
                "Jürgen Müller", "DE02120300000000202051", bic, "INV-" + id + " Webhosting");
    }

    private static BigDecimal sum(List<DirectDebit> debits) {
        return debits.stream().map(d -> d.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** The text of the first element at a slash-separated path of local names below {@code from}. */
    static String text(Element from, String path) {
        Element current = from;
        for (String name : path.split("/")) {
            current = (Element) current.getElementsByTagNameNS(Pain008Writer.NAMESPACE, name).item(0);
        }
        return current.getTextContent();
    }
}
