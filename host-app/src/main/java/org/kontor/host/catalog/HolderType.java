package org.kontor.host.catalog;

import java.util.Locale;

/** Who holds a domain; TLDs require different contact data of each (a .dk company gives its CVR number). */
public enum HolderType {
    PERSON, COMPANY, ASSOCIATION, PUBLIC_BODY;

    public static HolderType parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
