package org.kontor.plugins.epp.codec;

import static org.kontor.plugins.epp.codec.EppNamespaces.BALANCE;
import static org.kontor.plugins.epp.codec.EppNamespaces.CONTACT;
import static org.kontor.plugins.epp.codec.EppNamespaces.DOMAIN;
import static org.kontor.plugins.epp.codec.EppNamespaces.HOST;
import static org.kontor.plugins.epp.codec.EppNamespaces.RGP;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import org.kontor.plugins.epp.command.BalanceInfo;
import org.kontor.plugins.epp.command.ClientTransactionId;
import org.kontor.plugins.epp.command.CommandExtension;
import org.kontor.plugins.epp.command.ExtensionWriter;
import org.kontor.plugins.epp.command.Extended;
import org.kontor.plugins.epp.command.ContactCheck;
import org.kontor.plugins.epp.command.ContactCreate;
import org.kontor.plugins.epp.command.ContactInfo;
import org.kontor.plugins.epp.command.DomainCheck;
import org.kontor.plugins.epp.command.DomainContact;
import org.kontor.plugins.epp.command.DomainCreate;
import org.kontor.plugins.epp.command.DomainDelete;
import org.kontor.plugins.epp.command.DomainInfo;
import org.kontor.plugins.epp.command.DomainRenew;
import org.kontor.plugins.epp.command.DomainRestore;
import org.kontor.plugins.epp.command.DomainTransfer;
import org.kontor.plugins.epp.command.DomainUpdate;
import org.kontor.plugins.epp.command.EppCommand;
import org.kontor.plugins.epp.command.HostCheck;
import org.kontor.plugins.epp.command.HostCreate;
import org.kontor.plugins.epp.command.HostInfo;
import org.kontor.plugins.epp.command.IpAddress;
import org.kontor.plugins.epp.command.Login;
import org.kontor.plugins.epp.command.Logout;
import org.kontor.plugins.epp.command.NameServer;
import org.kontor.plugins.epp.command.NameServers;
import org.kontor.plugins.epp.command.Period;
import org.kontor.plugins.epp.command.PollAck;
import org.kontor.plugins.epp.command.PollRequest;
import org.kontor.plugins.epp.command.PostalInfo;

/**
 * Writes client commands as UTF-8 EPP instances, ready to be framed. Elements follow the order of the
 * RFC 5730–5733 and RFC 3915 schemas. It holds no state, so one instance serves every session.
 */
public final class EppCommandEncoder {

    private static final String D = "domain";
    private static final String C = "contact";
    private static final String H = "host";

    /** {@code <hello/>}: asks for a greeting; also the keep-alive of an idle session. */
    public byte[] hello() {
        XmlOut out = new XmlOut(XMLOutputFactory.newDefaultFactory()).startEpp();
        out.start("hello").end();
        return out.end().finish();
    }

    /** The command with the caller's client transaction id. */
    public byte[] encode(EppCommand extended, ClientTransactionId clTRID) {
        XmlOut out = new XmlOut(XMLOutputFactory.newDefaultFactory()).startEpp().start("command");
        EppCommand command = Extended.unwrap(extended);
        List<CommandExtension> extensions = new ArrayList<>();
        if (command instanceof Login c) {
            login(out, c);
        } else if (command instanceof Logout) {
            out.start("logout").end();
        } else if (command instanceof DomainCheck c) {
            domainCheck(out, c);
        } else if (command instanceof DomainCreate c) {
            domainCreate(out, c);
        } else if (command instanceof DomainInfo c) {
            domainInfo(out, c);
        } else if (command instanceof DomainRenew c) {
            domainRenew(out, c);
        } else if (command instanceof DomainTransfer c) {
            domainTransfer(out, c);
        } else if (command instanceof DomainUpdate c) {
            domainUpdate(out, c);
        } else if (command instanceof DomainDelete c) {
            domainDelete(out, c);
        } else if (command instanceof DomainRestore c) {
            domainRestore(out, c);
            extensions.add(rgpRestore(c));
        } else if (command instanceof ContactCheck c) {
            contactCheck(out, c);
        } else if (command instanceof ContactCreate c) {
            contactCreate(out, c);
        } else if (command instanceof ContactInfo c) {
            contactInfo(out, c);
        } else if (command instanceof HostCheck c) {
            hostCheck(out, c);
        } else if (command instanceof HostCreate c) {
            hostCreate(out, c);
        } else if (command instanceof HostInfo c) {
            hostInfo(out, c);
        } else if (command instanceof PollRequest) {
            out.start("poll").attribute("op", "req").end();
        } else if (command instanceof PollAck c) {
            out.start("poll").attribute("op", "ack").attribute("msgID", c.messageId()).end();
        } else if (command instanceof BalanceInfo) {
            out.start("info").startDeclaring("balance", BALANCE, "info").end().end();
        } else {
            throw new IllegalArgumentException("unknown command " + command);
        }
        extensions.addAll(Extended.extensionsOf(extended));
        if (!extensions.isEmpty()) {
            out.start("extension");
            for (CommandExtension extension : extensions) {
                Writer writer = new Writer(out, extension.prefix(), extension.namespace());
                extension.write(writer);
                writer.requireClosed();
            }
            out.end();
        }
        out.leaf("clTRID", clTRID.value());
        return out.end().end().finish();
    }

    private static void login(XmlOut out, Login c) {
        out.start("login").leaf("clID", c.clientId()).leaf("pw", c.password());
        if (c.newPassword() != null) {
            out.leaf("newPW", c.newPassword());
        }
        out.start("options").leaf("version", Login.VERSION).leaf("lang", c.language()).end();
        out.start("svcs");
        c.objectUris().forEach(uri -> out.leaf("objURI", uri));
        if (!c.extensionUris().isEmpty()) {
            out.start("svcExtension");
            c.extensionUris().forEach(uri -> out.leaf("extURI", uri));
            out.end();
        }
        out.end().end();
    }

    private static void domainCheck(XmlOut out, DomainCheck c) {
        out.start("check").startDeclaring(D, DOMAIN, "check");
        c.names().forEach(name -> out.leaf(D, DOMAIN, "name", name));
        out.end().end();
    }

    private static void domainCreate(XmlOut out, DomainCreate c) {
        out.start("create").startDeclaring(D, DOMAIN, "create").leaf(D, DOMAIN, "name", c.name());
        period(out, c.period());
        nameServers(out, c.nameServers());
        out.optionalLeaf(D, DOMAIN, "registrant", c.registrant());
        contacts(out, c.contacts());
        domainAuthInfo(out, c.authInfo());
        out.end().end();
    }

    private static void domainInfo(XmlOut out, DomainInfo c) {
        out.start("info").startDeclaring(D, DOMAIN, "info");
        out.start(D, DOMAIN, "name").attribute("hosts", "all").text(c.name()).end();
        if (c.authInfo() != null) {
            domainAuthInfo(out, c.authInfo());
        }
        out.end().end();
    }

    private static void domainRenew(XmlOut out, DomainRenew c) {
        out.start("renew").startDeclaring(D, DOMAIN, "renew").leaf(D, DOMAIN, "name", c.name())
                .leaf(D, DOMAIN, "curExpDate", c.currentExpiryDate().toString());
        period(out, c.period());
        out.end().end();
    }

    private static void domainTransfer(XmlOut out, DomainTransfer c) {
        out.start("transfer").attribute("op", c.operation().code())
                .startDeclaring(D, DOMAIN, "transfer").leaf(D, DOMAIN, "name", c.name());
        period(out, c.period());
        if (c.authInfo() != null) {
            domainAuthInfo(out, c.authInfo());
        }
        out.end().end();
    }

    private static void domainUpdate(XmlOut out, DomainUpdate c) {
        out.start("update").startDeclaring(D, DOMAIN, "update").leaf(D, DOMAIN, "name", c.name());
        changes(out, "add", c.add());
        changes(out, "rem", c.remove());
        if (c.changesRegistrantOrAuthInfo()) {
            out.start(D, DOMAIN, "chg").optionalLeaf(D, DOMAIN, "registrant", c.newRegistrant());
            if (c.newAuthInfo() != null && c.newAuthInfo().isEmpty()) {
                out.start(D, DOMAIN, "authInfo").empty(D, DOMAIN, "null").end(); // RFC 5731: removes it
            } else if (c.newAuthInfo() != null) {
                domainAuthInfo(out, c.newAuthInfo());
            }
            out.end();
        } else if (c.add().isEmpty() && c.remove().isEmpty()) {
            // an update whose changes are all in extensions (DNSSEC, a registry's own): an empty chg, as RFC 3915
            // does for restore; registries such as .dk want one of add, rem or chg
            out.empty(D, DOMAIN, "chg");
        }
        out.end().end();
    }

    private static void changes(XmlOut out, String element, DomainUpdate.Changes changes) {
        if (changes.isEmpty()) {
            return;
        }
        out.start(D, DOMAIN, element);
        nameServers(out, changes.nameServers());
        contacts(out, changes.contacts());
        changes.statuses().forEach(status -> out.empty(D, DOMAIN, "status").attribute("s", status));
        out.end();
    }

    private static void domainDelete(XmlOut out, DomainDelete c) {
        out.start("delete").startDeclaring(D, DOMAIN, "delete").leaf(D, DOMAIN, "name", c.name()).end().end();
    }

    /** RFC 3915 §4.2.5: an update with an empty {@code chg}; the restore request or report goes in the extension. */
    private static void domainRestore(XmlOut out, DomainRestore c) {
        out.start("update").startDeclaring(D, DOMAIN, "update").leaf(D, DOMAIN, "name", c.name())
                .empty(D, DOMAIN, "chg").end().end();
    }

    private static CommandExtension rgpRestore(DomainRestore c) {
        return CommandExtension.of(RGP, "rgp", w -> {
            w.start("update");
            if (c.report() == null) {
                w.empty("restore").attribute("op", "request");
            } else {
                DomainRestore.Report r = c.report();
                w.start("restore").attribute("op", "report").start("report")
                        .leaf("preData", r.preData()).leaf("postData", r.postData())
                        .leaf("delTime", r.deletedAt().toString()).leaf("resTime", r.restoredAt().toString())
                        .leaf("resReason", r.reason()).leaf("statement", r.statement())
                        .optionalLeaf("statement", r.secondStatement())
                        .optionalLeaf("other", r.other()).end().end();
            }
            w.end();
        });
    }

    /** Writes one extension's elements in its namespace; top-level elements declare it. */
    private static final class Writer implements ExtensionWriter {
        private final XmlOut out;
        private final String prefix;
        private final String namespace;
        private final Deque<Boolean> open = new ArrayDeque<>();

        Writer(XmlOut out, String prefix, String namespace) {
            this.out = out;
            this.prefix = prefix;
            this.namespace = namespace;
        }

        @Override
        public ExtensionWriter start(String localName) {
            if (open.isEmpty()) {
                out.startDeclaring(prefix, namespace, localName);
            } else {
                out.start(prefix, namespace, localName);
            }
            open.push(Boolean.TRUE);
            return this;
        }

        @Override
        public ExtensionWriter startForeign(String foreignPrefix, String foreignNamespace, String localName) {
            out.startDeclaring(foreignPrefix, foreignNamespace, localName);
            open.push(Boolean.TRUE);
            return this;
        }

        @Override
        public ExtensionWriter attribute(String name, String value) {
            out.attribute(name, value);
            return this;
        }

        @Override
        public ExtensionWriter text(String text) {
            out.text(text);
            return this;
        }

        @Override
        public ExtensionWriter end() {
            if (open.isEmpty()) {
                throw new IllegalStateException("no element of " + namespace + " is open");
            }
            open.pop();
            out.end();
            return this;
        }

        @Override
        public ExtensionWriter empty(String localName) {
            if (open.isEmpty()) {
                out.emptyDeclaring(prefix, namespace, localName);
            } else {
                out.empty(prefix, namespace, localName);
            }
            return this;
        }

        void requireClosed() {
            if (!open.isEmpty()) {
                throw new EppCodecException("the extension " + namespace + " left " + open.size() + " element(s) open");
            }
        }
    }

    private static void contactCheck(XmlOut out, ContactCheck c) {
        out.start("check").startDeclaring(C, CONTACT, "check");
        c.ids().forEach(id -> out.leaf(C, CONTACT, "id", id));
        out.end().end();
    }

    private static void contactCreate(XmlOut out, ContactCreate c) {
        out.start("create").startDeclaring(C, CONTACT, "create").leaf(C, CONTACT, "id", c.id());
        c.postalInfos().forEach(info -> postalInfo(out, info));
        out.optionalLeaf(C, CONTACT, "voice", c.voice()).optionalLeaf(C, CONTACT, "fax", c.fax())
                .leaf(C, CONTACT, "email", c.email());
        out.start(C, CONTACT, "authInfo").leaf(C, CONTACT, "pw", c.authInfo()).end();
        out.end().end();
    }

    private static void postalInfo(XmlOut out, PostalInfo info) {
        out.start(C, CONTACT, "postalInfo").attribute("type", info.type()).leaf(C, CONTACT, "name", info.name())
                .optionalLeaf(C, CONTACT, "org", info.organization());
        out.start(C, CONTACT, "addr");
        info.streets().forEach(street -> out.leaf(C, CONTACT, "street", street));
        out.leaf(C, CONTACT, "city", info.city()).optionalLeaf(C, CONTACT, "sp", info.province())
                .optionalLeaf(C, CONTACT, "pc", info.postalCode()).leaf(C, CONTACT, "cc", info.countryCode());
        out.end().end();
    }

    private static void contactInfo(XmlOut out, ContactInfo c) {
        out.start("info").startDeclaring(C, CONTACT, "info").leaf(C, CONTACT, "id", c.id());
        if (c.authInfo() != null) {
            out.start(C, CONTACT, "authInfo").leaf(C, CONTACT, "pw", c.authInfo()).end();
        }
        out.end().end();
    }

    private static void hostCheck(XmlOut out, HostCheck c) {
        out.start("check").startDeclaring(H, HOST, "check");
        c.names().forEach(name -> out.leaf(H, HOST, "name", name));
        out.end().end();
    }

    private static void hostCreate(XmlOut out, HostCreate c) {
        out.start("create").startDeclaring(H, HOST, "create").leaf(H, HOST, "name", c.name());
        c.addresses().forEach(a -> out.start(H, HOST, "addr").attribute("ip", a.version().code())
                .text(a.address()).end());
        out.end().end();
    }

    private static void hostInfo(XmlOut out, HostInfo c) {
        out.start("info").startDeclaring(H, HOST, "info").leaf(H, HOST, "name", c.name()).end().end();
    }

    private static void period(XmlOut out, Period period) {
        if (period != null) {
            out.start(D, DOMAIN, "period").attribute("unit", period.unit().code())
                    .text(Integer.toString(period.value())).end();
        }
    }

    private static void nameServers(XmlOut out, NameServers nameServers) {
        if (nameServers.isEmpty()) {
            return;
        }
        out.start(D, DOMAIN, "ns");
        for (NameServer server : nameServers.servers()) {
            if (nameServers.form() == NameServers.Form.HOST_OBJECTS) {
                out.leaf(D, DOMAIN, "hostObj", server.hostName());
            } else {
                out.start(D, DOMAIN, "hostAttr").leaf(D, DOMAIN, "hostName", server.hostName());
                for (IpAddress address : server.addresses()) {
                    out.start(D, DOMAIN, "hostAddr").attribute("ip", address.version().code())
                            .text(address.address()).end();
                }
                out.end();
            }
        }
        out.end();
    }

    private static void contacts(XmlOut out, List<DomainContact> contacts) {
        contacts.forEach(c -> out.start(D, DOMAIN, "contact").attribute("type", c.type()).text(c.contactId()).end());
    }

    private static void domainAuthInfo(XmlOut out, String password) {
        out.start(D, DOMAIN, "authInfo").leaf(D, DOMAIN, "pw", password).end();
    }
}
