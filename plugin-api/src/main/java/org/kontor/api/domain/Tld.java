package org.kontor.api.domain;

import java.util.Locale;

/**
 * A top-level domain in A-label form without the dot: {@code dk}, {@code de}, {@code xn--p1ai}.
 */
public record Tld(String ascii) implements Comparable<Tld> {

    public Tld {
        if (ascii == null || ascii.isBlank()) {
            throw new InvalidDomainNameException(String.valueOf(ascii), InvalidDomainNameException.Reason.INVALID_TLD,
                    "The top-level domain is empty.");
        }
        String stripped = ascii.strip();
        if (stripped.startsWith(".")) {
            stripped = stripped.substring(1);
        }
        DomainName name;
        try {
            name = DomainName.of("a." + stripped);
        } catch (InvalidDomainNameException e) {
            throw new InvalidDomainNameException(ascii, e.reason(),
                    "'%s' is not a valid top-level domain (%s).".formatted(ascii.strip(), e.getMessage()));
        }
        if (name.labels().size() != 2) {
            throw new InvalidDomainNameException(ascii, InvalidDomainNameException.Reason.INVALID_TLD,
                    "'%s' is not a top-level domain: a TLD is a single label without dots.".formatted(ascii.strip()));
        }
        ascii = name.labels().get(1);
    }

    /** {@code Tld.of(".DK")} and {@code Tld.of("dk")} are the same TLD. */
    public static Tld of(String text) {
        return new Tld(text);
    }

    /** The form people read: {@code рф} for {@code xn--p1ai}. */
    public String unicode() {
        String unicode = DomainName.of("a." + ascii).unicode();
        return unicode.substring(unicode.lastIndexOf('.') + 1);
    }

    /** Whether {@code name} is directly or indirectly under this TLD. */
    public boolean covers(DomainName name) {
        return name.ascii().endsWith("." + ascii);
    }

    @Override
    public int compareTo(Tld other) {
        return ascii.compareTo(other.ascii);
    }

    @Override
    public String toString() {
        return ascii.toLowerCase(Locale.ROOT);
    }
}
