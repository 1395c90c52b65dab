package org.kontor.plugins.epp.codec;

/** The XML namespaces the codec reads and writes. */
public final class EppNamespaces {

    public static final String EPP = "urn:ietf:params:xml:ns:epp-1.0";
    public static final String DOMAIN = "urn:ietf:params:xml:ns:domain-1.0";
    public static final String CONTACT = "urn:ietf:params:xml:ns:contact-1.0";
    public static final String HOST = "urn:ietf:params:xml:ns:host-1.0";
    public static final String RGP = "urn:ietf:params:xml:ns:rgp-1.0";
    public static final String SEC_DNS = "urn:ietf:params:xml:ns:secDNS-1.1";
    /** Registry fees (RFC 8748). */
    public static final String FEE = "urn:ietf:params:xml:ns:epp:fee-1.0";
    /** Launch phases (RFC 8334). */
    public static final String LAUNCH = "urn:ietf:params:xml:ns:launch-1.0";
    /** Signed marks (RFC 7848), the SMD files of sunrise. */
    public static final String SIGNED_MARK = "urn:ietf:params:xml:ns:signedMark-1.0";
    /** Allocation tokens (RFC 8495). */
    public static final String ALLOCATION_TOKEN = "urn:ietf:params:xml:ns:allocationToken-1.0";
    /** Verisign's balance mapping, which the .dk registry offers as an object URI. */
    public static final String BALANCE = "http://www.verisign.com/epp/balance-1.0";

    private EppNamespaces() {
    }
}
