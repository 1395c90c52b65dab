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
            leaf(w, DOMAIN, "clID", d.registrar());
            leaf(w, DOMAIN, "crID", d.registrar());
            leaf(w, DOMAIN, "crDate", timestamp(d.createdAt()));
            leaf(w, DOMAIN, "exDate", timestamp(d.expiresAt()));
            if (d.authInfo() != null) {
                w.writeStartElement(DOMAIN, "authInfo");
                leaf(w, DOMAIN, "pw", d.authInfo());
                w.writeEndElement();
            }
        } else if (data instanceof DomainRenewed d) {
            startDomain(w, "renData");
            leaf(w, DOMAIN, "name", d.name());
            leaf(w, DOMAIN, "exDate", timestamp(d.expiresAt()));
        } else if (data instanceof Balance b) {
            w.writeStartElement("balance", "infData", BALANCE);
            w.writeNamespace("balance", BALANCE);
            String zero = b.balance().minus(b.balance()).amount().toPlainString();
            leaf(w, BALANCE, "creditLimit", zero);
            leaf(w, BALANCE, "balance", b.balance().amount().toPlainString());
            String available = b.balance().isNegative() ? zero : b.balance().amount().toPlainString();
            leaf(w, BALANCE, "availableCredit", available);
            w.writeStartElement(BALANCE, "creditThreshold");
            leaf(w, BALANCE, "fixed", zero);
            w.writeEndElement();
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
