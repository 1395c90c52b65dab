package org.kontor.plugins.sandbox.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.kontor.plugins.epp.codec.EppNamespaces;
import org.kontor.plugins.epp.command.BalanceInfo;
import org.kontor.plugins.epp.command.DomainCheck;
import org.kontor.plugins.epp.command.DomainContact;
import org.kontor.plugins.epp.command.DomainCreate;
import org.kontor.plugins.epp.command.DomainDelete;
import org.kontor.plugins.epp.command.DomainInfo;
import org.kontor.plugins.epp.command.DomainRenew;
import org.kontor.plugins.epp.command.EppCommand;
import org.kontor.plugins.epp.command.Login;
import org.kontor.plugins.epp.command.Logout;
import org.kontor.plugins.epp.command.NameServers;
import org.kontor.plugins.epp.command.Period;
import org.kontor.plugins.epp.command.PollAck;
import org.kontor.plugins.epp.command.PollRequest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the frames a client sends into the client's own command records. The XML is untrusted: the JDK's
 * parser is used with secure processing, and any DOCTYPE is refused, which EPP never needs.
 */
public final class CommandParser {

    private static final String EPP = EppNamespaces.EPP;
    private static final String DOMAIN = EppNamespaces.DOMAIN;

    /** Parses one frame; a hello gives {@link EppRequest#hello()}. */
    public EppRequest parse(byte[] frame) throws EppRequestException {
        Element epp = parseXml(frame).getDocumentElement();
        if (!is(epp, EPP, "epp")) {
            throw syntax(null, "the root element is not <epp>");
        }
        List<Element> top = children(epp);
        if (top.size() != 1) {
            throw syntax(null, "<epp> holds exactly one element");
        }
        Element body = top.get(0);
        if (is(body, EPP, "hello")) {
            return EppRequest.hello();
        }
        if (!is(body, EPP, "command")) {
            throw new EppRequestException(ResultCode.UNKNOWN_COMMAND, null, "not a command: " + body.getLocalName());
        }
        String clTRID = text(body, EPP, "clTRID");
        List<Element> parts = children(body);
        if (parts.isEmpty()) {
            throw syntax(clTRID, "an empty command");
        }
        Element verb = parts.get(0);
        try {
            return command(verb, clTRID);
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw syntax(clTRID, "a malformed " + verb.getLocalName() + ": " + e.getMessage());
        }
    }

    private EppRequest command(Element verb, String clTRID) throws EppRequestException {
        if (!EPP.equals(verb.getNamespaceURI())) {
            throw new EppRequestException(ResultCode.UNKNOWN_COMMAND, clTRID, "unknown command " + verb.getLocalName());
        }
        switch (verb.getLocalName()) {
            case "login":
                return new EppRequest(login(verb), "login", clTRID);
            case "logout":
                return new EppRequest(new Logout(), "logout", clTRID);
            case "poll":
                return new EppRequest(poll(verb, clTRID), "poll", clTRID);
            case "check", "create", "info", "renew", "delete", "update", "transfer":
                return objectCommand(verb, clTRID);
            default:
                throw new EppRequestException(ResultCode.UNKNOWN_COMMAND, clTRID, "unknown command " + verb.getLocalName());
        }
    }

    private static Login login(Element e) {
        List<String> objectUris = new ArrayList<>();
        List<String> extensionUris = new ArrayList<>();
        Element svcs = child(e, EPP, "svcs");
        if (svcs != null) {
            children(svcs, EPP, "objURI").forEach(uri -> objectUris.add(uri.getTextContent().strip()));
            Element ext = child(svcs, EPP, "svcExtension");
            if (ext != null) {
                children(ext, EPP, "extURI").forEach(uri -> extensionUris.add(uri.getTextContent().strip()));
            }
        }
        Element options = child(e, EPP, "options");
        return new Login(text(e, EPP, "clID"), text(e, EPP, "pw"), text(e, EPP, "newPW"),
                options == null ? null : text(options, EPP, "lang"), objectUris, extensionUris);
    }

    private static EppCommand poll(Element e, String clTRID) throws EppRequestException {
        String op = e.getAttribute("op");
        if ("req".equals(op)) {
            return new PollRequest();
        }
        if ("ack".equals(op) && !e.getAttribute("msgID").isEmpty()) {
            return new PollAck(e.getAttribute("msgID"));
        }
        throw syntax(clTRID, "a poll needs op=\"req\" or op=\"ack\" with a msgID");
    }

    private EppRequest objectCommand(Element verb, String clTRID) throws EppRequestException {
        List<Element> objects = children(verb);
        if (objects.size() != 1) {
            throw syntax(clTRID, "<" + verb.getLocalName() + "> holds one object element");
        }
        Element object = objects.get(0);
        String verbName = verb.getLocalName();
        if (is(object, EppNamespaces.BALANCE, "info") && "info".equals(verbName)) {
            return new EppRequest(new BalanceInfo(), "balance:info", clTRID);
        }
        String name = "domain:" + verbName;
        if (!is(object, DOMAIN, verbName)) {
            throw new EppRequestException(ResultCode.UNIMPLEMENTED_COMMAND, clTRID,
                    "the sandbox serves domain objects only, not " + object.getNamespaceURI());
        }
        EppCommand command = switch (verbName) {
            case "check" -> new DomainCheck(children(object, DOMAIN, "name").stream()
                    .map(n -> n.getTextContent().strip()).toList());
            case "create" -> domainCreate(object);
            case "info" -> new DomainInfo(text(object, DOMAIN, "name"), authInfo(object));
            case "renew" -> new DomainRenew(text(object, DOMAIN, "name"),
                    LocalDate.parse(text(object, DOMAIN, "curExpDate")), period(object));
            case "delete" -> new DomainDelete(text(object, DOMAIN, "name"));
            default -> throw new EppRequestException(ResultCode.UNIMPLEMENTED_COMMAND, clTRID,
                    "the sandbox does not implement " + name);
        };
        return new EppRequest(command, name, clTRID);
    }

    private static DomainCreate domainCreate(Element e) {
        List<DomainContact> contacts = children(e, DOMAIN, "contact").stream()
                .map(c -> new DomainContact(c.getAttribute("type"), c.getTextContent().strip())).toList();
        List<String> hosts = new ArrayList<>();
        Element ns = child(e, DOMAIN, "ns");
        if (ns != null) {
            children(ns, DOMAIN, "hostObj").forEach(h -> hosts.add(h.getTextContent().strip()));
        }
        String authInfo = authInfo(e);
        return new DomainCreate(text(e, DOMAIN, "name"), period(e), NameServers.hostObjects(hosts),
                text(e, DOMAIN, "registrant"), contacts, authInfo == null ? "" : authInfo);
    }

    private static Period period(Element e) {
        Element period = child(e, DOMAIN, "period");
        if (period == null) {
            return null;
        }
        int value = Integer.parseInt(period.getTextContent().strip());
        return "m".equals(period.getAttribute("unit")) ? Period.months(value) : Period.years(value);
    }

    private static String authInfo(Element e) {
        Element authInfo = child(e, DOMAIN, "authInfo");
        return authInfo == null ? null : text(authInfo, DOMAIN, "pw");
    }

    private static Document parseXml(byte[] frame) throws EppRequestException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new ByteArrayInputStream(frame));
        } catch (SAXException e) {
            throw syntax(null, "not a well-formed, safe XML instance: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("the XML parser cannot be set up securely", e);
        }
    }

    private static EppRequestException syntax(String clTRID, String message) {
        return new EppRequestException(ResultCode.SYNTAX_ERROR, clTRID, message);
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        return children(parent).stream().filter(e -> is(e, namespace, localName)).toList();
    }

    private static Element child(Element parent, String namespace, String localName) {
        return children(parent).stream().filter(e -> is(e, namespace, localName)).findFirst().orElse(null);
    }

    private static String text(Element parent, String namespace, String localName) {
        Element child = child(parent, namespace, localName);
        return child == null ? null : child.getTextContent().strip();
    }

    private static boolean is(Element e, String namespace, String localName) {
        return namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
    }
}
