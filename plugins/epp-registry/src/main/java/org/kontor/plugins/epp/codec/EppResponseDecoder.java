package org.kontor.plugins.epp.codec;

import static org.kontor.plugins.epp.codec.Dom.attribute;
import static org.kontor.plugins.epp.codec.Dom.bool;
import static org.kontor.plugins.epp.codec.Dom.child;
import static org.kontor.plugins.epp.codec.Dom.children;
import static org.kontor.plugins.epp.codec.Dom.instant;
import static org.kontor.plugins.epp.codec.Dom.is;
import static org.kontor.plugins.epp.codec.Dom.requiredChild;
import static org.kontor.plugins.epp.codec.Dom.requiredText;
import static org.kontor.plugins.epp.codec.Dom.statuses;
import static org.kontor.plugins.epp.codec.Dom.text;
import static org.kontor.plugins.epp.codec.Dom.texts;
import static org.kontor.plugins.epp.codec.EppNamespaces.BALANCE;
import static org.kontor.plugins.epp.codec.EppNamespaces.CONTACT;
import static org.kontor.plugins.epp.codec.EppNamespaces.DOMAIN;
import static org.kontor.plugins.epp.codec.EppNamespaces.EPP;
import static org.kontor.plugins.epp.codec.EppNamespaces.FEE;
import static org.kontor.plugins.epp.codec.EppNamespaces.HOST;
import static org.kontor.plugins.epp.codec.EppNamespaces.RGP;
import static org.kontor.plugins.epp.codec.EppNamespaces.SEC_DNS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.kontor.api.money.Money;
import org.kontor.plugins.epp.command.DomainContact;
import org.kontor.plugins.epp.command.IpAddress;
import org.kontor.plugins.epp.command.NameServer;
import org.kontor.plugins.epp.command.PostalInfo;
import org.kontor.plugins.epp.response.Availability;
import org.kontor.plugins.epp.response.BalanceData;
import org.kontor.plugins.epp.response.ContactCheckData;
import org.kontor.plugins.epp.response.ContactCreateData;
import org.kontor.plugins.epp.response.ContactInfoData;
import org.kontor.plugins.epp.response.DomainCheckData;
import org.kontor.plugins.epp.response.DomainCreateData;
import org.kontor.plugins.epp.response.DomainInfoData;
import org.kontor.plugins.epp.response.DomainPendingActionData;
import org.kontor.plugins.epp.response.DomainRenewData;
import org.kontor.plugins.epp.response.DomainTransferData;
import org.kontor.plugins.epp.response.EppMessage;
import org.kontor.plugins.epp.response.EppResponse;
import org.kontor.plugins.epp.response.FeeCheckData;
import org.kontor.plugins.epp.response.Greeting;
import org.kontor.plugins.epp.response.HostCheckData;
import org.kontor.plugins.epp.response.HostCreateData;
import org.kontor.plugins.epp.response.HostInfoData;
import org.kontor.plugins.epp.response.MessageQueue;
import org.kontor.plugins.epp.response.ResponseData;
import org.kontor.plugins.epp.response.ResponseExtension;
import org.kontor.plugins.epp.response.Result;
import org.kontor.plugins.epp.response.RgpData;
import org.kontor.plugins.epp.response.SecDnsData;
import org.kontor.plugins.epp.response.TransactionId;
import org.kontor.plugins.epp.response.UnknownElement;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads what a server sends into {@link EppMessage} values. It parses securely (no DOCTYPE, no external
 * entities), reads elements by namespace and local name whatever the prefixes, and keeps elements it does
 * not know as {@link UnknownElement}; registry extensions (such as .dk's {@code dkhm}) are left to the
 * registry profile, which reads them from there. An instance is safe to share between threads.
 */
public final class EppResponseDecoder {

    private final SecureXml xml = new SecureXml();
    private final Currency accountCurrency;

    /**
     * @param accountCurrency the currency of the registrar account; balance frames carry none
     */
    public EppResponseDecoder(Currency accountCurrency) {
        this.accountCurrency = Objects.requireNonNull(accountCurrency, "accountCurrency");
    }

    /** A greeting or a response. */
    public EppMessage decode(byte[] frame) {
        Document document = xml.parse(frame);
        Element epp = document.getDocumentElement();
        if (!is(epp, EPP, "epp")) {
            throw new EppCodecException("not an EPP instance: <" + epp.getNodeName() + ">");
        }
        Element greeting = child(epp, EPP, "greeting");
        if (greeting != null) {
            return greeting(greeting);
        }
        Element response = child(epp, EPP, "response");
        if (response != null) {
            return response(response);
        }
        throw new EppCodecException("the EPP instance holds neither a greeting nor a response");
    }

    public Greeting decodeGreeting(byte[] frame) {
        if (decode(frame) instanceof Greeting greeting) {
            return greeting;
        }
        throw new EppCodecException("expected a greeting, got a response");
    }

    public EppResponse decodeResponse(byte[] frame) {
        if (decode(frame) instanceof EppResponse response) {
            return response;
        }
        throw new EppCodecException("expected a response, got a greeting");
    }

    private static Greeting greeting(Element greeting) {
        Element menu = requiredChild(greeting, EPP, "svcMenu");
        Element extensions = child(menu, EPP, "svcExtension");
        return new Greeting(requiredText(greeting, EPP, "svID"), instant(requiredText(greeting, EPP, "svDate")),
                texts(menu, EPP, "version"), texts(menu, EPP, "lang"), texts(menu, EPP, "objURI"),
                extensions == null ? List.of() : texts(extensions, EPP, "extURI"));
    }

    private EppResponse response(Element response) {
        List<Result> results = children(response, EPP, "result").stream().map(EppResponseDecoder::result).toList();
        if (results.isEmpty()) {
            throw new EppCodecException("a response without a result");
        }
        List<ResponseData> data = new ArrayList<>();
        Element resData = child(response, EPP, "resData");
        if (resData != null) {
            children(resData).forEach(element -> data.add(responseData(element)));
        }
        List<ResponseExtension> extensions = new ArrayList<>();
        Element extension = child(response, EPP, "extension");
        if (extension != null) {
            children(extension).forEach(element -> extensions.add(extension(element)));
        }
        Element trId = requiredChild(response, EPP, "trID");
        return new EppResponse(results, messageQueue(child(response, EPP, "msgQ")), data, extensions,
                new TransactionId(text(trId, EPP, "clTRID"), requiredText(trId, EPP, "svTRID")));
    }

    private static Result result(Element result) {
        int code = integer(result.getAttribute("code"), "result code");
        List<String> reasons = children(result, EPP, "extValue").stream().map(v -> text(v, EPP, "reason"))
                .filter(Objects::nonNull).toList();
        return new Result(code, text(result, EPP, "msg"), reasons);
    }

    private static MessageQueue messageQueue(Element msgQ) {
        if (msgQ == null) {
            return null;
        }
        String count = msgQ.getAttribute("count");
        return new MessageQueue(count.isEmpty() ? 0 : integer(count, "message count"), attribute(msgQ, "id"),
                instant(text(msgQ, EPP, "qDate")), text(msgQ, EPP, "msg"));
    }

    private ResponseData responseData(Element element) {
        String ns = element.getNamespaceURI() == null ? "" : element.getNamespaceURI();
        String name = element.getLocalName();
        return switch (ns) {
            case DOMAIN -> switch (name) {
                case "chkData" -> new DomainCheckData(availabilities(element, DOMAIN, "name"));
                case "creData" -> new DomainCreateData(requiredText(element, DOMAIN, "name"),
                        instant(text(element, DOMAIN, "crDate")), instant(text(element, DOMAIN, "exDate")));
                case "infData" -> domainInfo(element);
                case "renData" -> new DomainRenewData(requiredText(element, DOMAIN, "name"),
                        instant(text(element, DOMAIN, "exDate")));
                case "trnData" -> domainTransfer(element);
                case "panData" -> domainPendingAction(element);
                default -> unknown(element);
            };
            case CONTACT -> switch (name) {
                case "chkData" -> new ContactCheckData(availabilities(element, CONTACT, "id"));
                case "creData" -> new ContactCreateData(requiredText(element, CONTACT, "id"),
                        instant(text(element, CONTACT, "crDate")));
                case "infData" -> contactInfo(element);
                default -> unknown(element);
            };
            case HOST -> switch (name) {
                case "chkData" -> new HostCheckData(availabilities(element, HOST, "name"));
                case "creData" -> new HostCreateData(requiredText(element, HOST, "name"),
                        instant(text(element, HOST, "crDate")));
                case "infData" -> hostInfo(element);
                default -> unknown(element);
            };
            case BALANCE -> "infData".equals(name) ? balance(element) : unknown(element);
            default -> unknown(element);
        };
    }

    private static ResponseExtension extension(Element element) {
        if (RGP.equals(element.getNamespaceURI())
                && ("upData".equals(element.getLocalName()) || "infData".equals(element.getLocalName()))) {
            return new RgpData(statuses(element, RGP, "rgpStatus"));
        }
        if (is(element, SEC_DNS, "infData") && child(element, SEC_DNS, "dsData") != null) {
            return secDns(element);
        }
        if (is(element, FEE, "chkData")) {
            return feeCheck(element);
        }
        return unknown(element);
    }

    private static FeeCheckData feeCheck(Element chkData) {
        Currency currency;
        try {
            currency = Currency.getInstance(requiredText(chkData, FEE, "currency"));
        } catch (IllegalArgumentException e) {
            throw new EppCodecException("unknown fee currency " + text(chkData, FEE, "currency"), e);
        }
        List<FeeCheckData.Quote> quotes = children(chkData, FEE, "cd").stream().map(cd -> {
            List<FeeCheckData.CommandFee> commands = children(cd, FEE, "command").stream().map(c -> {
                Element period = child(c, FEE, "period");
                List<Element> fees = children(c, FEE, "fee");
                BigDecimal total = null;
                for (Element fee : fees) {
                    BigDecimal amount = decimal(fee.getTextContent().strip(), "fee");
                    total = total == null ? amount : total.add(amount);
                }
                return new FeeCheckData.CommandFee(c.getAttribute("name"),
                        period == null ? null : integer(period.getTextContent(), "fee period"),
                        period == null ? null : (period.hasAttribute("unit") ? period.getAttribute("unit") : "y"),
                        total, bool(c.getAttribute("standard")), text(c, FEE, "reason"));
            }).toList();
            String avail = cd.getAttribute("avail");
            return new FeeCheckData.Quote(requiredText(cd, FEE, "objID"), avail.isEmpty() || bool(avail),
                    text(cd, FEE, "class"), commands, text(cd, FEE, "reason"));
        }).toList();
        return new FeeCheckData(currency, quotes);
    }

    private static BigDecimal decimal(String text, String what) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new EppCodecException("the " + what + " is not an amount: " + text, e);
        }
    }

    /** The DS data interface; the key data interface, which .dk does not use, stays raw. */
    private static SecDnsData secDns(Element infData) {
        return new SecDnsData(children(infData, SEC_DNS, "dsData").stream()
                .map(ds -> new SecDnsData.DsData(integer(requiredText(ds, SEC_DNS, "keyTag"), "keyTag"),
                        integer(requiredText(ds, SEC_DNS, "alg"), "alg"),
                        integer(requiredText(ds, SEC_DNS, "digestType"), "digestType"),
                        requiredText(ds, SEC_DNS, "digest")))
                .toList());
    }

    private static UnknownElement unknown(Element element) {
        return new UnknownElement(element.getNamespaceURI(), element.getLocalName(), Dom.serialize(element));
    }

    /** {@code <x:cd><x:name avail="1">…</x:name><x:reason>…</x:reason></x:cd>} for each object checked. */
    private static List<Availability> availabilities(Element chkData, String ns, String nameElement) {
        return children(chkData, ns, "cd").stream().map(cd -> {
            Element name = requiredChild(cd, ns, nameElement);
            return new Availability(name.getTextContent().strip(), bool(name.getAttribute("avail")),
                    text(cd, ns, "reason"));
        }).toList();
    }

    private static DomainInfoData domainInfo(Element e) {
        List<DomainContact> contacts = children(e, DOMAIN, "contact").stream()
                .map(c -> new DomainContact(c.getAttribute("type"), c.getTextContent().strip())).toList();
        Element authInfo = child(e, DOMAIN, "authInfo");
        return new DomainInfoData(requiredText(e, DOMAIN, "name"), text(e, DOMAIN, "roid"),
                statuses(e, DOMAIN, "status"), text(e, DOMAIN, "registrant"), contacts,
                nameServers(child(e, DOMAIN, "ns")), texts(e, DOMAIN, "host"), text(e, DOMAIN, "clID"),
                text(e, DOMAIN, "crID"), instant(text(e, DOMAIN, "crDate")), text(e, DOMAIN, "upID"),
                instant(text(e, DOMAIN, "upDate")), instant(text(e, DOMAIN, "exDate")),
                instant(text(e, DOMAIN, "trDate")), authInfo == null ? null : text(authInfo, DOMAIN, "pw"));
    }

    private static List<NameServer> nameServers(Element ns) {
        if (ns == null) {
            return List.of();
        }
        List<NameServer> servers = new ArrayList<>();
        texts(ns, DOMAIN, "hostObj").forEach(name -> servers.add(new NameServer(name, List.of())));
        for (Element attr : children(ns, DOMAIN, "hostAttr")) {
            List<IpAddress> addresses = children(attr, DOMAIN, "hostAddr").stream().map(EppResponseDecoder::address).toList();
            servers.add(new NameServer(requiredText(attr, DOMAIN, "hostName"), addresses));
        }
        return servers;
    }

    private static DomainTransferData domainTransfer(Element e) {
        return new DomainTransferData(requiredText(e, DOMAIN, "name"), text(e, DOMAIN, "trStatus"),
                text(e, DOMAIN, "reID"), instant(text(e, DOMAIN, "reDate")), text(e, DOMAIN, "acID"),
                instant(text(e, DOMAIN, "acDate")), instant(text(e, DOMAIN, "exDate")));
    }

    private static DomainPendingActionData domainPendingAction(Element e) {
        Element name = requiredChild(e, DOMAIN, "name");
        Element trId = requiredChild(e, DOMAIN, "paTRID");
        return new DomainPendingActionData(name.getTextContent().strip(), bool(name.getAttribute("paResult")),
                new TransactionId(text(trId, EPP, "clTRID"), requiredText(trId, EPP, "svTRID")),
                instant(text(e, DOMAIN, "paDate")));
    }

    private static ContactInfoData contactInfo(Element e) {
        List<PostalInfo> postalInfos = children(e, CONTACT, "postalInfo").stream()
                .map(EppResponseDecoder::postalInfo).toList();
        Element authInfo = child(e, CONTACT, "authInfo");
        return new ContactInfoData(requiredText(e, CONTACT, "id"), text(e, CONTACT, "roid"),
                statuses(e, CONTACT, "status"), postalInfos, text(e, CONTACT, "voice"), text(e, CONTACT, "fax"),
                text(e, CONTACT, "email"), text(e, CONTACT, "clID"), text(e, CONTACT, "crID"),
                instant(text(e, CONTACT, "crDate")), text(e, CONTACT, "upID"), instant(text(e, CONTACT, "upDate")),
                authInfo == null ? null : text(authInfo, CONTACT, "pw"));
    }

    private static PostalInfo postalInfo(Element p) {
        Element addr = requiredChild(p, CONTACT, "addr");
        return new PostalInfo(p.getAttribute("type"), requiredText(p, CONTACT, "name"), text(p, CONTACT, "org"),
                texts(addr, CONTACT, "street"), requiredText(addr, CONTACT, "city"), text(addr, CONTACT, "sp"),
                text(addr, CONTACT, "pc"), requiredText(addr, CONTACT, "cc"));
    }

    private static HostInfoData hostInfo(Element e) {
        List<IpAddress> addresses = children(e, HOST, "addr").stream().map(EppResponseDecoder::address).toList();
        return new HostInfoData(requiredText(e, HOST, "name"), text(e, HOST, "roid"), statuses(e, HOST, "status"),
                addresses, text(e, HOST, "clID"), text(e, HOST, "crID"), instant(text(e, HOST, "crDate")),
                text(e, HOST, "upID"), instant(text(e, HOST, "upDate")));
    }

    private BalanceData balance(Element e) {
        Element threshold = requiredChild(e, BALANCE, "creditThreshold");
        String percent = text(threshold, BALANCE, "percent");
        return new BalanceData(money(requiredText(e, BALANCE, "creditLimit")),
                money(requiredText(e, BALANCE, "balance")), money(requiredText(e, BALANCE, "availableCredit")),
                percent == null ? money(requiredText(threshold, BALANCE, "fixed")) : null,
                percent == null ? null : integer(percent, "credit threshold percentage"));
    }

    private Money money(String amount) {
        try {
            return Money.of(new BigDecimal(amount), accountCurrency);
        } catch (RuntimeException e) {
            throw new EppCodecException("not an amount in " + accountCurrency + ": " + amount, e);
        }
    }

    /** {@code <x:addr ip="v6">2001:db8::1</x:addr>}; the attribute defaults to v4. */
    private static IpAddress address(Element addr) {
        return new IpAddress(addr.getTextContent().strip(), IpAddress.Version.fromCode(addr.getAttribute("ip")));
    }

    private static int integer(String text, String what) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new EppCodecException("the " + what + " is not a number: " + text, e);
        }
    }
}
