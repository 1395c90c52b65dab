package org.kontor.host.catalog;

import java.util.Locale;

/** A launch phase of a TLD. */
public enum Phase {
    /** Trademark holders only; a registration carries a signed mark data (SMD) file (ORD-8). */
    SUNRISE,
    /** Orders are taken now and registered when general availability starts (ORD-7). */
    PRE_REGISTRATION,
    /** Anyone may register; first come, first served. */
    GENERAL_AVAILABILITY;

    public static Phase parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
