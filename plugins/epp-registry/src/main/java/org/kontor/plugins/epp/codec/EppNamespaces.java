package org.kontor.plugins.epp.codec;

/** The XML namespaces the codec reads and writes. */
public final class EppNamespaces {

    public static final String EPP = "urn:ietf:params:xml:ns:epp-1.0";
    public static final String DOMAIN = "urn:ietf:params:xml:ns:domain-1.0";
    public static final String CONTACT = "urn:ietf:params:xml:ns:contact-1.0";
    public static final String HOST = "urn:ietf:params:xml:ns:host-1.0";
    public static final String RGP = "urn:ietf:params:xml:ns:rgp-1.0";
    public static final String SEC_DNS = "urn:ietf:params:xml:ns:secDNS-1.1";
    /** Verisign's balance mapping, which the .dk registry offers as an object URI. */
    public static final String BALANCE = "http://www.verisign.com/epp/balance-1.0";

    private EppNamespaces() {
    }
}
