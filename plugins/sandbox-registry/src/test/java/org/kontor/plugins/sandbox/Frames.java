package org.kontor.plugins.sandbox;

/** EPP command frames as text, for commands the client library does not write. */
final class Frames {

    static final String DOMAIN = "xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\"";
    static final String CONTACT = "xmlns:contact=\"urn:ietf:params:xml:ns:contact-1.0\"";
    static final String HOST = "xmlns:host=\"urn:ietf:params:xml:ns:host-1.0\"";
    static final String DKHM = "xmlns:dkhm=\"urn:dkhm:params:xml:ns:dkhm-4.5\"";

    private Frames() {
    }

    static String command(String body, String extension, String clTRID) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><command>"
                + body + (extension == null ? "" : "<extension>" + extension + "</extension>")
                + "<clTRID>" + clTRID + "</clTRID></command></epp>";
    }

    static String command(String body) {
        return command(body, null, "tx-" + System.nanoTime());
    }

    static String contactCreate(String id, String cc) {
        return "<create><contact:create " + CONTACT + "><contact:id>" + id + "</contact:id>"
                + "<contact:postalInfo type=\"loc\"><contact:name>Jane Doe</contact:name><contact:addr>"
                + "<contact:street>Main Street 1</contact:street><contact:city>Aarhus</contact:city>"
                + "<contact:pc>8000</contact:pc><contact:cc>" + cc + "</contact:cc></contact:addr></contact:postalInfo>"
                + "<contact:voice>+45.12345678</contact:voice><contact:email>jane@example.test</contact:email>"
                + "<contact:authInfo><contact:pw>Contact-Pw-1</contact:pw></contact:authInfo></contact:create></create>";
    }

    static String hostCreate(String name, String... addresses) {
        StringBuilder s = new StringBuilder("<create><host:create " + HOST + "><host:name>" + name + "</host:name>");
        for (String a : addresses) {
            s.append("<host:addr ip=\"").append(a.contains(":") ? "v6" : "v4").append("\">").append(a)
                    .append("</host:addr>");
        }
        return s.append("</host:create></create>").toString();
    }

    static String simple(String verb, String object, String key, String value) {
        String ns = "domain".equals(object) ? DOMAIN : "contact".equals(object) ? CONTACT : HOST;
        return "<" + verb + "><" + object + ":" + verb + " " + ns + "><" + object + ":" + key + ">" + value + "</"
                + object + ":" + key + "></" + object + ":" + verb + "></" + verb + ">";
    }

    static String domainCreate(String name, String registrant, String contact, String pw, String... ns) {
        StringBuilder s = new StringBuilder("<create><domain:create " + DOMAIN + "><domain:name>" + name
                + "</domain:name><domain:period unit=\"y\">1</domain:period>");
        if (ns.length > 0) {
            s.append("<domain:ns>");
            for (String n : ns) {
                s.append("<domain:hostObj>").append(n).append("</domain:hostObj>");
            }
            s.append("</domain:ns>");
        }
        if (registrant != null) {
            s.append("<domain:registrant>").append(registrant).append("</domain:registrant>");
        }
        if (contact != null) {
            s.append("<domain:contact type=\"admin\">").append(contact).append("</domain:contact>");
        }
        return s.append("<domain:authInfo><domain:pw>").append(pw).append("</domain:pw></domain:authInfo>")
                .append("</domain:create></create>").toString();
    }

    static String domainUpdate(String name, String add, String rem, String chg) {
        return "<update><domain:update " + DOMAIN + "><domain:name>" + name + "</domain:name>"
                + (add == null ? "" : "<domain:add>" + add + "</domain:add>")
                + (rem == null ? "" : "<domain:rem>" + rem + "</domain:rem>")
                + (chg == null ? "" : "<domain:chg>" + chg + "</domain:chg>")
                + "</domain:update></update>";
    }

    static String transfer(String op, String name, String pw) {
        return "<transfer op=\"" + op + "\"><domain:transfer " + DOMAIN + "><domain:name>" + name + "</domain:name>"
                + (pw == null ? "" : "<domain:authInfo><domain:pw>" + pw + "</domain:pw></domain:authInfo>")
                + "</domain:transfer></transfer>";
    }

    static String restore(String name, String op, boolean withReport) {
        return restore(name, op, withReport, "2026-01-01T00:00:00.0Z");
    }

    /** A restore whose report (if any) gives {@code delTime} as the deletion time. */
    static String restore(String name, String op, boolean withReport, String delTime) {
        String report = !withReport ? "" : "<rgp:report><rgp:preData>before</rgp:preData>"
                + "<rgp:postData>after</rgp:postData><rgp:delTime>" + delTime + "</rgp:delTime>"
                + "<rgp:resTime>2026-01-02T00:00:00.0Z</rgp:resTime><rgp:resReason>mistake</rgp:resReason>"
                + "<rgp:statement>true to our knowledge</rgp:statement><rgp:statement>in good faith</rgp:statement>"
                + "</rgp:report>";
        return command(domainUpdate(name, null, null, "").replace("<domain:chg></domain:chg>", "<domain:chg/>"),
                "<rgp:update xmlns:rgp=\"urn:ietf:params:xml:ns:rgp-1.0\"><rgp:restore op=\"" + op + "\">" + report
                        + "</rgp:restore></rgp:update>", "tx-" + System.nanoTime());
    }
}
