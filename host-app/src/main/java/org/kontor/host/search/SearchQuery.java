package org.kontor.host.search;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.InvalidDomainNameException;
import org.kontor.api.domain.Tld;

/**
 * What the customer typed, normalised (UTS #46): a label such as {@code Æblegrød} or {@code my shop}, or a whole
 * name such as {@code æblegrød.dk} or {@code www.example.com}, whose TLD is then the wished one.
 *
 * @param input  as typed
 * @param label  the second-level label in Unicode form: {@code æblegrød}
 * @param ascii  the same label in A-label form: {@code xn--blegrd-pua3m}
 * @param wished the TLD typed with the label, if any
 * @param words  the words the customer separated by spaces or underscores; one word when not
 */
public record SearchQuery(String input, String label, String ascii, Optional<Tld> wished, List<String> words) {

    /** Stands in for a TLD while a bare label is checked; never shown. */
    private static final String PROBE = "com";

    public SearchQuery {
        wished = wished == null ? Optional.empty() : wished;
        words = List.copyOf(words);
    }

    /**
     * @throws InvalidDomainNameException with the reason the input cannot be searched for; a name below a
     *                                    second-level name ({@code shop.example.dk}) is refused as {@code OTHER}
     */
    public static SearchQuery parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidDomainNameException(String.valueOf(input), InvalidDomainNameException.Reason.EMPTY,
                    "Type a name to search for, such as example or example.dk.");
        }
        String text = input.strip();
        List<String> words = List.of(text.split("[\\s_]+"));
        String joined = String.join("", words);
        if (words.size() > 1 && joined.matches(".*[.\u3002\uff0e\uff61].*")) {
            throw new InvalidDomainNameException(input, InvalidDomainNameException.Reason.DISALLOWED_CHARACTER,
                    "'%s' has spaces; a domain name has none.".formatted(text));
        }
        if (joined.matches(".*[.\u3002\uff0e\uff61].*")) {
            DomainName name = DomainName.of(joined);
            List<String> labels = name.labels();
            List<String> unicode = List.of(name.unicode().split("\\."));
            if (labels.size() == 3 && labels.get(0).equals("www")) {
                labels = labels.subList(1, 3);
                unicode = unicode.subList(1, 3);
            }
            if (labels.size() > 2) {
                throw new InvalidDomainNameException(input, InvalidDomainNameException.Reason.OTHER,
                        "'%s' is a name below %s; search for a name such as example.%s.".formatted(text,
                                String.join(".", unicode.subList(unicode.size() - 2, unicode.size())),
                                name.tld().unicode()));
            }
            return new SearchQuery(input, unicode.get(0), labels.get(0), Optional.of(name.tld()),
                    List.of(unicode.get(0)));
        }
        DomainName probe;
        try {
            probe = DomainName.of(joined + "." + PROBE);
        } catch (InvalidDomainNameException e) {
            throw new InvalidDomainNameException(input, e.reason(),
                    e.getMessage().replace("'" + joined + "." + PROBE + "'", "'" + text + "'"));
        }
        List<String> normalised = words.size() == 1 ? List.of(label(probe))
                : words.stream().map(word -> word.toLowerCase(Locale.ROOT)).toList();
        return new SearchQuery(input, label(probe), probe.secondLevelLabel(), Optional.empty(), normalised);
    }

    private static String label(DomainName name) {
        return name.unicode().substring(0, name.unicode().lastIndexOf('.'));
    }

    /** Whether the label has characters beyond ASCII. */
    public boolean isIdn() {
        return !label.equals(ascii);
    }
}
