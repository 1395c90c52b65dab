package org.kontor.plugins.sandbox.protocol;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.kontor.plugins.epp.codec.EppNamespaces;
import org.kontor.plugins.sandbox.protocol.ResponseData.Balance;
import org.kontor.plugins.sandbox.protocol.ResponseData.CheckedName;
import org.kontor.plugins.sandbox.protocol.ResponseData.DomainChecked;
import org.kontor.plugins.sandbox.protocol.ResponseData.DomainCreated;
import org.kontor.plugins.sandbox.protocol.ResponseData.DomainInformation;
import org.kontor.plugins.sandbox.protocol.ResponseData.DomainRenewed;

/** Writes greetings and responses as UTF-8 EPP instances in the element order of the RFC 5730/5731 schemas. */
public final class ResponseWriter {

    private static final String EPP = EppNamespaces.EPP;
    private static final String DOMAIN = EppNamespaces.DOMAIN;
    private static final String BALANCE = EppNamespaces.BALANCE;
    private static final String CONTACT = EppNamespaces.CONTACT;
    private static final String HOST = EppNamespaces.HOST;

    /** What the greeting announces. */
    public record Services(List<String> objectUris, List<String> extensionUris) {
        public Services {
            objectUris = List.copyOf(objectUris);
            extensionUris = List.copyOf(extensionUris);
        }
    }

    private final String serverId;
    private final Services services;

    public ResponseWriter(String serverId, Services services) {
        this.serverId = serverId;
        this.services = services;
    }

    public Services services() {
        return services;
    }

    public byte[] greeting(Instant now) {
        return write(w -> {
            w.writeStartElement(EPP, "greeting");
            leaf(w, EPP, "svID", serverId);
            leaf(w, EPP, "svDate", timestamp(now));
            w.writeStartElement(EPP, "svcMenu");
            leaf(w, EPP, "version", "1.0");
            leaf(w, EPP, "lang", "en");
            for (String uri : services.objectUris()) {
                leaf(w, EPP, "objURI", uri);
            }
            w.writeStartElement(EPP, "svcExtension");
            for (String uri : services.extensionUris()) {
                leaf(w, EPP, "extURI", uri);
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement(EPP, "dcp");
            w.writeStartElement(EPP, "access");
            w.writeEmptyElement(EPP, "all");
            w.writeEndElement();
            w.writeStartElement(EPP, "statement");
            w.writeStartElement(EPP, "purpose");
            w.writeEmptyElement(EPP, "admin");
            w.writeEmptyElement(EPP, "prov");
            w.writeEndElement();
            w.writeStartElement(EPP, "recipient");
            w.writeEmptyElement(EPP, "ours");
            w.writeEmptyElement(EPP, "public");
            w.writeEndElement();
            w.writeStartElement(EPP, "retention");
            w.writeEmptyElement(EPP, "stated");
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    public byte[] response(EppResponse response) {
        return write(w -> {
            w.writeStartElement(EPP, "response");
            w.writeStartElement(EPP, "result");
            w.writeAttribute("code", Integer.toString(response.code().code()));
            leaf(w, EPP, "msg", response.code().message());
            if (response.reason() != null) {
                w.writeStartElement(EPP, "extValue");
                // the offending element is not echoed: <undef/> stands for it, as RFC 5730 allows any element
                w.writeStartElement(EPP, "value");
                w.writeEmptyElement(EPP, "undef");
                w.writeEndElement();
                leaf(w, EPP, "reason", response.reason());
                w.writeEndElement();
            }
            w.writeEndElement();
            if (response.queue() != null) {
                queue(w, response.queue());
            }
            if (response.data() != null) {
                w.writeStartElement(EPP, "resData");
                data(w, response.data());
                w.writeEndElement();
            }
            if (!response.extension().isEmpty()) {
                w.writeStartElement(EPP, "extension");
                for (Ext ext : response.extension()) {
                    ext(w, ext, true);
                }
                w.writeEndElement();
            }
            w.writeStartElement(EPP, "trID");
            if (response.clTRID() != null) {
                leaf(w, EPP, "clTRID", response.clTRID());
            }
            leaf(w, EPP, "svTRID", response.svTRID());
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    private static void queue(XMLStreamWriter w, EppResponse.Queue queue) throws XMLStreamException {
        w.writeStartElement(EPP, "msgQ");
        w.writeAttribute("count", Long.toString(queue.count()));
        w.writeAttribute("id", queue.id());
        if (queue.message() != null) {
            leaf(w, EPP, "qDate", timestamp(queue.queuedAt()));
            leaf(w, EPP, "msg", queue.message());
        }
        w.writeEndElement();
    }

    private static void data(XMLStreamWriter w, ResponseData data) throws XMLStreamException {
        if (data instanceof DomainChecked d) {
            startDomain(w, "chkData");
            for (CheckedName name : d.names()) {
                w.writeStartElement(DOMAIN, "cd");
                w.writeStartElement(DOMAIN, "name");
                w.writeAttribute("avail", name.available() ? "1" : "0");
                w.writeCharacters(name.name());
                w.writeEndElement();
                if (name.reason() != null) {
                    leaf(w, DOMAIN, "reason", name.reason());
                }
                w.writeEndElement();
            }
        } else if (data instanceof DomainCreated d) {
            startDomain(w, "creData");
            leaf(w, DOMAIN, "name", d.name());
            leaf(w, DOMAIN, "crDate", timestamp(d.createdAt()));
            leaf(w, DOMAIN, "exDate", timestamp(d.expiresAt()));
        } else if (data instanceof DomainInformation d) {
            startDomain(w, "infData");
            leaf(w, DOMAIN, "name", d.name());
            leaf(w, DOMAIN, "roid", d.roid());
            for (String status : d.statuses()) {
                w.writeEmptyElement(DOMAIN, "status");
                w.writeAttribute("s", status);
            }
            if (d.registrant() != null) {
                leaf(w, DOMAIN, "registrant", d.registrant());
            }
            for (ResponseData.ContactRef contact : d.contacts()) {
                w.writeStartElement(DOMAIN, "contact");
                w.writeAttribute("type", contact.type());
                w.writeCharacters(contact.id());
                w.writeEndElement();
            }
            if (!d.nameServers().isEmpty()) {
                w.writeStartElement(DOMAIN, "ns");
                for (String ns : d.nameServers()) {
                    leaf(w, DOMAIN, "hostObj", ns);
                }
                w.writeEndElement();
            }
            for (String host : d.hosts()) {
                leaf(w, DOMAIN, "host", host);
            }
            leaf(w, DOMAIN, "clID", d.registrar());
            leaf(w, DOMAIN, "crID", d.creator());
            leaf(w, DOMAIN, "crDate", timestamp(d.createdAt()));
            if (d.updatedAt() != null) {
                leaf(w, DOMAIN, "upID", d.updatedBy());
                leaf(w, DOMAIN, "upDate", timestamp(d.updatedAt()));
            }
            leaf(w, DOMAIN, "exDate", timestamp(d.expiresAt()));
            if (d.transferredAt() != null) {
                leaf(w, DOMAIN, "trDate", timestamp(d.transferredAt()));
            }
            if (d.authInfo() != null) {
                w.writeStartElement(DOMAIN, "authInfo");
                leaf(w, DOMAIN, "pw", d.authInfo());
                w.writeEndElement();
            }
        } else if (data instanceof DomainRenewed d) {
            startDomain(w, "renData");
            leaf(w, DOMAIN, "name", d.name());
            leaf(w, DOMAIN, "exDate", timestamp(d.expiresAt()));
        } else if (data instanceof ResponseData.DomainTransferData d) {
            startDomain(w, "trnData");
            leaf(w, DOMAIN, "name", d.name());
            leaf(w, DOMAIN, "trStatus", d.status());
            leaf(w, DOMAIN, "reID", d.requestedBy());
            leaf(w, DOMAIN, "reDate", timestamp(d.requestedAt()));
            leaf(w, DOMAIN, "acID", d.actionBy());
            leaf(w, DOMAIN, "acDate", timestamp(d.actionAt()));
            if (d.expiresAt() != null) {
                leaf(w, DOMAIN, "exDate", timestamp(d.expiresAt()));
            }
        } else if (data instanceof ResponseData.DomainPendingAction d) {
            startDomain(w, "panData");
            w.writeStartElement(DOMAIN, "name");
            w.writeAttribute("paResult", d.result() ? "1" : "0");
            w.writeCharacters(d.name());
            w.writeEndElement();
            w.writeStartElement(DOMAIN, "paTRID");
            if (d.clTRID() != null) {
                leaf(w, EPP, "clTRID", d.clTRID());
            }
            leaf(w, EPP, "svTRID", d.svTRID());
            w.writeEndElement();
            leaf(w, DOMAIN, "paDate", timestamp(d.at()));
        } else if (data instanceof ResponseData.ObjectChecked d) {
            String ns = namespace(d.objectType());
            start(w, d.objectType(), ns, "chkData");
            String key = "contact".equals(d.objectType()) ? "id" : "name";
            for (CheckedName name : d.names()) {
                w.writeStartElement(ns, "cd");
                w.writeStartElement(ns, key);
                w.writeAttribute("avail", name.available() ? "1" : "0");
                w.writeCharacters(name.name());
                w.writeEndElement();
                if (name.reason() != null) {
                    leaf(w, ns, "reason", name.reason());
                }
                w.writeEndElement();
            }
        } else if (data instanceof ResponseData.ObjectCreated d) {
            String ns = namespace(d.objectType());
            start(w, d.objectType(), ns, "creData");
            leaf(w, ns, "contact".equals(d.objectType()) ? "id" : "name", d.id());
            leaf(w, ns, "crDate", timestamp(d.createdAt()));
        } else if (data instanceof ResponseData.ContactInformation c) {
            start(w, "contact", CONTACT, "infData");
            leaf(w, CONTACT, "id", c.id());
            leaf(w, CONTACT, "roid", c.roid());
            for (String status : c.statuses()) {
                w.writeEmptyElement(CONTACT, "status");
                w.writeAttribute("s", status);
            }
            ResponseData.PostalInfo p = c.postalInfo();
            w.writeStartElement(CONTACT, "postalInfo");
            w.writeAttribute("type", p.type());
            leaf(w, CONTACT, "name", p.name());
            if (p.org() != null) {
                leaf(w, CONTACT, "org", p.org());
            }
            w.writeStartElement(CONTACT, "addr");
            for (String street : p.street()) {
                leaf(w, CONTACT, "street", street);
            }
            leaf(w, CONTACT, "city", p.city());
            if (p.sp() != null) {
                leaf(w, CONTACT, "sp", p.sp());
            }
            if (p.pc() != null) {
                leaf(w, CONTACT, "pc", p.pc());
            }
            leaf(w, CONTACT, "cc", p.cc());
            w.writeEndElement();
            w.writeEndElement();
            if (c.voice() != null) {
                leaf(w, CONTACT, "voice", c.voice());
            }
            if (c.fax() != null) {
                leaf(w, CONTACT, "fax", c.fax());
            }
            leaf(w, CONTACT, "email", c.email());
            leaf(w, CONTACT, "clID", c.registrar());
            leaf(w, CONTACT, "crID", c.registrar());
            leaf(w, CONTACT, "crDate", timestamp(c.createdAt()));
            if (c.updatedAt() != null) {
                leaf(w, CONTACT, "upID", c.registrar());
                leaf(w, CONTACT, "upDate", timestamp(c.updatedAt()));
            }
            if (c.authInfo() != null) {
                w.writeStartElement(CONTACT, "authInfo");
                leaf(w, CONTACT, "pw", c.authInfo());
                w.writeEndElement();
            }
        } else if (data instanceof ResponseData.HostInformation h) {
            start(w, "host", HOST, "infData");
            leaf(w, HOST, "name", h.name());
            leaf(w, HOST, "roid", h.roid());
            for (String status : h.statuses()) {
                w.writeEmptyElement(HOST, "status");
                w.writeAttribute("s", status);
            }
            for (String address : h.addresses()) {
                int colon = address.indexOf(':');
                w.writeStartElement(HOST, "addr");
                w.writeAttribute("ip", address.substring(0, colon));
                w.writeCharacters(address.substring(colon + 1));
                w.writeEndElement();
            }
            leaf(w, HOST, "clID", h.registrar());
            leaf(w, HOST, "crID", h.registrar());
            leaf(w, HOST, "crDate", timestamp(h.createdAt()));
            if (h.updatedAt() != null) {
                leaf(w, HOST, "upID", h.registrar());
                leaf(w, HOST, "upDate", timestamp(h.updatedAt()));
            }
        } else if (data instanceof Balance b) {
            w.writeStartElement("balance", "infData", BALANCE);
            w.writeNamespace("balance", BALANCE);
            leaf(w, BALANCE, "creditLimit", b.creditLimit().amount().toPlainString());
            leaf(w, BALANCE, "balance", b.balance().amount().toPlainString());
            leaf(w, BALANCE, "availableCredit", b.availableCredit().amount().toPlainString());
            w.writeStartElement(BALANCE, "creditThreshold");
            leaf(w, BALANCE, "fixed", b.creditThreshold().amount().toPlainString());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static String namespace(String objectType) {
        return "contact".equals(objectType) ? CONTACT : HOST;
    }

    private static void start(XMLStreamWriter w, String prefix, String namespace, String name)
            throws XMLStreamException {
        w.writeStartElement(prefix, name, namespace);
        w.writeNamespace(prefix, namespace);
    }

    /** Writes an extension element; a top-level one declares its namespace. */
    private static void ext(XMLStreamWriter w, Ext ext, boolean top) throws XMLStreamException {
        if (top) {
            w.writeStartElement(ext.prefix(), ext.name(), ext.namespace());
            w.writeNamespace(ext.prefix(), ext.namespace());
        } else {
            w.writeStartElement(ext.prefix(), ext.name(), ext.namespace());
        }
        for (var attribute : ext.attributes().entrySet()) {
            w.writeAttribute(attribute.getKey(), attribute.getValue());
        }
        if (ext.text() != null) {
            w.writeCharacters(ext.text());
        }
        for (Ext child : ext.children()) {
            ext(w, child, false);
        }
        w.writeEndElement();
    }

    private static void startDomain(XMLStreamWriter w, String name) throws XMLStreamException {
        w.writeStartElement("domain", name, DOMAIN);
        w.writeNamespace("domain", DOMAIN);
    }

    private static void leaf(XMLStreamWriter w, String namespace, String name, String text) throws XMLStreamException {
        w.writeStartElement(namespace, name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();
            XMLStreamWriter w = factory.createXMLStreamWriter(bytes, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setDefaultNamespace(EPP);
            w.setPrefix("domain", DOMAIN);
            w.setPrefix("balance", BALANCE);
            w.setPrefix("contact", CONTACT);
            w.setPrefix("host", HOST);
            w.writeStartElement(EPP, "epp");
            w.writeDefaultNamespace(EPP);
            body.write(w);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an EPP response", e);
        }
        return bytes.toByteArray();
    }
}
