package org.kontor.plugins.banktransfer.statement;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.kontor.api.money.Money;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads ISO 20022 bank-to-customer statements, camt.053.001.02 (the version most banks still send) and
 * camt.053.001.08. Elements are found by their local names, so both versions and their namespaces read alike; where
 * they differ (the debtor's name under {@code Dbtr/Nm} or {@code Dbtr/Pty/Nm}, the status as text or under
 * {@code Sts/Cd}, the transaction amount under {@code AmtDtls/TxAmt} or {@code TxDtls/Amt}) both places are read.
 * Only booked entries count. Document type declarations are refused, so a file cannot make the parser read others.
 */
public final class Camt053Parser {

    private static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:camt.053.";

    public List<Statement> parse(byte[] xml) throws StatementException {
        Element document = read(xml).getDocumentElement();
        String namespace = document.getNamespaceURI();
        if (!"Document".equals(document.getLocalName()) || namespace == null || !namespace.startsWith(NAMESPACE_PREFIX)) {
            throw new StatementException("not a camt.053 document (namespace " + namespace + ")");
        }
        String format = namespace.substring(namespace.lastIndexOf(':') + 1);
        Element message = child(document, "BkToCstmrStmt")
                .orElseThrow(() -> new StatementException("camt.053 without BkToCstmrStmt"));
        List<Statement> statements = new ArrayList<>();
        for (Element stmt : children(message, "Stmt")) {
            statements.add(statement(format, stmt));
        }
        if (statements.isEmpty()) {
            throw new StatementException("camt.053 without statements");
        }
        return statements;
    }

    private Statement statement(String format, Element stmt) throws StatementException {
        String id = text(stmt, "Id").orElseThrow(() -> new StatementException("a camt.053 statement without Id"));
        Element acct = child(stmt, "Acct").orElseThrow(() -> new StatementException("statement " + id + " without Acct"));
        String account = text(acct, "Id", "IBAN").or(() -> text(acct, "Id", "Othr", "Id"))
                .orElseThrow(() -> new StatementException("statement " + id + " without an account id"));
        Money opening = null;
        Money closing = null;
        LocalDate date = null;
        for (Element bal : children(stmt, "Bal")) {
            String type = text(bal, "Tp", "CdOrPrtry", "Cd").orElse("");
            Money amount = signed(bal);
            if (type.equals("OPBD") || type.equals("PRCD") && opening == null) {
                opening = amount;
            } else if (type.equals("CLBD")) {
                closing = amount;
                date = text(bal, "Dt", "Dt").or(() -> text(bal, "Dt", "DtTm")).map(Camt053Parser::date).orElse(null);
            }
        }
        List<StatementEntry> entries = new ArrayList<>();
        int index = 0;
        for (Element ntry : children(stmt, "Ntry")) {
            index++;
            String status = text(ntry, "Sts", "Cd").or(() -> text(ntry, "Sts")).orElse("BOOK").strip();
            if (!status.equals("BOOK")) {
                continue;
            }
            entries.addAll(entries(id, index, ntry));
        }
        return new Statement(format, id, account, date, opening, closing, entries);
    }

    private List<StatementEntry> entries(String statementId, int index, Element ntry) throws StatementException {
        Money amount = amount(ntry);
        boolean credit = credit(ntry);
        boolean reversal = text(ntry, "RvslInd").map("true"::equalsIgnoreCase).orElse(false);
        LocalDate booked = text(ntry, "BookgDt", "Dt").or(() -> text(ntry, "BookgDt", "DtTm")).map(Camt053Parser::date)
                .orElse(null);
        String ntryRef = text(ntry, "AcctSvcrRef").or(() -> text(ntry, "NtryRef")).orElse(null);
        String additionalEntryInfo = text(ntry, "AddtlNtryInf").orElse(null);
        List<Element> details = new ArrayList<>();
        for (Element dtls : children(ntry, "NtryDtls")) {
            details.addAll(children(dtls, "TxDtls"));
        }
        boolean split = details.size() > 1 && details.stream().allMatch(tx -> transactionAmount(tx).isPresent());
        if (!split) {
            Element tx = details.isEmpty() ? null : details.get(0);
            String reference = ntryRef != null ? ntryRef
                    : tx == null ? null : text(tx, "Refs", "AcctSvcrRef").orElse(null);
            if (reference == null) {
                reference = statementId + "/" + index;
            }
            return List.of(entry(reference, booked, amount, credit, reversal, tx, additionalEntryInfo));
        }
        List<StatementEntry> entries = new ArrayList<>();
        int n = 0;
        for (Element tx : details) {
            n++;
            String base = ntryRef != null ? ntryRef : statementId + "/" + index;
            String reference = text(tx, "Refs", "AcctSvcrRef").orElse(base + "/" + n);
            boolean txCredit = text(tx, "CdtDbtInd").map("CRDT"::equals).orElse(credit);
            entries.add(entry(reference, booked, transactionAmount(tx).orElseThrow(), txCredit, reversal, tx, additionalEntryInfo));
        }
        return entries;
    }

    private StatementEntry entry(String reference, LocalDate booked, Money amount, boolean credit, boolean reversal, Element tx,
                                 String additionalEntryInfo) {
        if (tx == null) {
            return new StatementEntry(reference, booked, amount, credit, reversal, null, null, additionalEntryInfo, null, null);
        }
        Optional<Element> rmtInf = child(tx, "RmtInf");
        String unstructured = rmtInf.map(r -> String.join(" ", texts(r, "Ustrd"))).filter(s -> !s.isBlank()).orElse(null);
        String structured = null;
        List<String> additional = new ArrayList<>();
        if (rmtInf.isPresent()) {
            for (Element strd : children(rmtInf.get(), "Strd")) {
                if (structured == null) {
                    structured = text(strd, "CdtrRefInf", "Ref").orElse(null);
                }
                additional.addAll(texts(strd, "AddtlRmtInf"));
            }
        }
        if (additionalEntryInfo != null) {
            additional.add(additionalEntryInfo);
        }
        String endToEnd = text(tx, "Refs", "EndToEndId").orElse(null);
        String payer = text(tx, "RltdPties", "Dbtr", "Nm").or(() -> text(tx, "RltdPties", "Dbtr", "Pty", "Nm")).orElse(null);
        return new StatementEntry(reference, booked, amount, credit, reversal, structured, unstructured,
                additional.isEmpty() ? null : String.join(" ", additional), endToEnd, payer);
    }

    private static Optional<Money> transactionAmount(Element tx) {
        return child(tx, "Amt").or(() -> child(tx, "AmtDtls", "TxAmt", "Amt")).map(Camt053Parser::money);
    }

    private static Money amount(Element owner) throws StatementException {
        return child(owner, "Amt").map(Camt053Parser::money)
                .orElseThrow(() -> new StatementException("an entry or balance without Amt"));
    }

    private static boolean credit(Element owner) throws StatementException {
        String indicator = text(owner, "CdtDbtInd").orElseThrow(() -> new StatementException("no CdtDbtInd"));
        if (!indicator.equals("CRDT") && !indicator.equals("DBIT")) {
            throw new StatementException("CdtDbtInd is CRDT or DBIT, was " + indicator);
        }
        return indicator.equals("CRDT");
    }

    private static Money signed(Element bal) throws StatementException {
        Money amount = amount(bal);
        return credit(bal) ? amount : amount.negate();
    }

    private static Money money(Element amt) {
        return Money.of(new BigDecimal(amt.getTextContent().strip()), Currency.getInstance(amt.getAttribute("Ccy")));
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text.strip().substring(0, 10));
    }

    private static Document read(byte[] xml) throws StatementException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new StatementException("the camt.053 file is not well-formed XML: " + e.getMessage(), e);
        }
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    static Optional<Element> child(Element parent, String... path) {
        Element current = parent;
        for (String name : path) {
            List<Element> found = children(current, name);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            current = found.get(0);
        }
        return Optional.of(current);
    }

    static Optional<String> text(Element parent, String... path) {
        return child(parent, path).map(e -> e.getTextContent().strip()).filter(s -> !s.isEmpty());
    }

    private static List<String> texts(Element parent, String localName) {
        return children(parent, localName).stream().map(e -> e.getTextContent().strip()).filter(s -> !s.isEmpty()).toList();
    }
}
