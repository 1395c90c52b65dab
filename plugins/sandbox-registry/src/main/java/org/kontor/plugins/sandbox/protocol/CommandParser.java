package org.kontor.plugins.sandbox.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.kontor.plugins.epp.codec.EppNamespaces;
import org.kontor.plugins.epp.command.BalanceInfo;
import org.kontor.plugins.epp.command.DomainCheck;
import org.kontor.plugins.epp.command.Login;
import org.kontor.plugins.epp.command.EppCommand;
import org.kontor.plugins.epp.command.Logout;
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
    private static final String[][] OBJECT_TYPES = {
        {"domain", EppNamespaces.DOMAIN}, {"contact", EppNamespaces.CONTACT}, {"host", EppNamespaces.HOST}};

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
        if (is(body, EPP, "extension")) {
            // the dkhm withdraw command travels as <extension><command>; the registry removed it in 5.3.0
            Element command = Xml.children(body).stream().findFirst().orElse(null);
            String clTRID = command == null ? null : Xml.text(command, command.getNamespaceURI(), "clTRID");
            Element verb = command == null ? null : Xml.children(command).stream().findFirst().orElse(null);
            if (verb != null && "withdraw".equals(verb.getLocalName())) {
                throw new EppRequestException(ResultCode.UNIMPLEMENTED_COMMAND, clTRID,
                        "withdraw was removed from the .dk EPP service in 5.3.0; delete the domain instead");
            }
            throw new EppRequestException(ResultCode.UNKNOWN_COMMAND, clTRID, "unknown extension command");
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
        Element extension = children(body, EPP, "extension").stream().findFirst().orElse(null);
        try {
            return command(verb, extension, clTRID);
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw syntax(clTRID, "a malformed " + verb.getLocalName() + ": " + e.getMessage());
        }
    }

    private EppRequest command(Element verb, Element extension, String clTRID) throws EppRequestException {
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
                return objectCommand(verb, extension, clTRID);
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

    private EppRequest objectCommand(Element verb, Element extension, String clTRID) throws EppRequestException {
        List<Element> objects = children(verb);
        if (objects.size() != 1) {
            throw syntax(clTRID, "<" + verb.getLocalName() + "> holds one object element");
        }
        Element object = objects.get(0);
        String verbName = verb.getLocalName();
        if (is(object, EppNamespaces.BALANCE, "info") && "info".equals(verbName)) {
            return new EppRequest(new BalanceInfo(), "balance:info", clTRID);
        }
        String op = verb.hasAttribute("op") ? verb.getAttribute("op") : null;
        for (String[] type : OBJECT_TYPES) {
            if (is(object, type[1], verbName) && !type[0].equals("domain")) {
                if ("transfer".equals(verbName) || ("update".equals(verbName) && "host".equals(type[0]))) {
                    throw new EppRequestException(ResultCode.UNIMPLEMENTED_COMMAND, clTRID,
                            "the sandbox does not implement " + type[0] + ":" + verbName);
                }
                return new EppRequest(new XmlCommand(type[0] + ":" + verbName, op, object, extension),
                        type[0] + ":" + verbName, clTRID);
            }
        }
        String name = "domain:" + verbName;
        if (!is(object, DOMAIN, verbName)) {
            throw new EppRequestException(ResultCode.UNIMPLEMENTED_COMMAND, clTRID,
                    "the sandbox does not serve " + object.getNamespaceURI());
        }
        if (Set.of("create", "update", "transfer", "info", "delete", "renew").contains(verbName)) {
            if ("transfer".equals(verbName) && (op == null || !Set.of("request", "query", "approve", "reject",
                    "cancel").contains(op))) {
                throw syntax(clTRID, "a transfer needs op request, query, approve, reject or cancel");
            }
            return new EppRequest(new XmlCommand(name, op, object, extension), name, clTRID);
        }
        if (!"check".equals(verbName)) {
            throw new EppRequestException(ResultCode.UNIMPLEMENTED_COMMAND, clTRID,
                    "the sandbox does not implement " + name);
        }
        return new EppRequest(new DomainCheck(children(object, DOMAIN, "name").stream()
                .map(n -> n.getTextContent().strip()).toList()), name, clTRID);
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
