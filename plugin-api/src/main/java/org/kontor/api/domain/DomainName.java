package org.kontor.api.domain;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.IDNA;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A fully qualified domain name, validated and normalised by IDNA 2008 / UTS #46 (ICU4J).
 *
 * <p>{@code DomainName.of("ÆØÅ.dk")} and {@code DomainName.of("xn--5cab8c.dk")} are equal: the name is
 * kept in its ASCII (A-label) form for registries and DNS, and {@link #unicode()} gives the form people
 * read. Bad input throws {@link InvalidDomainNameException} with a specific {@link InvalidDomainNameException.Reason}.
 */
public final class DomainName implements Comparable<DomainName> {

    private static final int MAX_NAME_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final IDNA UTS46 = IDNA.getUTS46Instance(
            IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI
                    | IDNA.CHECK_CONTEXTJ | IDNA.CHECK_CONTEXTO | IDNA.USE_STD3_RULES);

    private final String ascii;
    private final String unicode;

    private DomainName(String ascii, String unicode) {
        this.ascii = ascii;
        this.unicode = unicode;
    }

    /**
     * Parses a name typed by a person or sent by a registry, in Unicode or A-label form.
     * Surrounding white space and one trailing dot are ignored; the name needs at least two labels.
     *
     * @throws InvalidDomainNameException with the reason the name is not valid
     */
    public static DomainName of(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidDomainNameException(String.valueOf(input), InvalidDomainNameException.Reason.EMPTY,
                    "The domain name is empty.");
        }
        String trimmed = input.strip();
        // UTS #46 maps the ideographic and other full stops to '.', and accepts one trailing dot for the
        // root; it reports two trailing dots as an empty label. The trailing dot is removed after mapping.
        StringBuilder asciiOut = new StringBuilder();
        IDNA.Info asciiInfo = new IDNA.Info();
        UTS46.nameToASCII(trimmed, asciiOut, asciiInfo);
        if (asciiInfo.hasErrors()) {
            throw refusal(input, asciiInfo.getErrors());
        }
        StringBuilder unicodeOut = new StringBuilder();
        IDNA.Info unicodeInfo = new IDNA.Info();
        UTS46.nameToUnicode(asciiOut, unicodeOut, unicodeInfo);
        if (unicodeInfo.hasErrors()) {
            throw refusal(input, unicodeInfo.getErrors());
        }
        String ascii = withoutRootDot(asciiOut.toString().toLowerCase(Locale.ROOT));
        String unicode = withoutRootDot(unicodeOut.toString());
        if (ascii.isEmpty()) {
            throw new InvalidDomainNameException(input, InvalidDomainNameException.Reason.EMPTY_LABEL,
                    "'%s' has an empty label (two dots in a row, or a leading dot).".formatted(input));
        }
        if (ascii.length() > MAX_NAME_LENGTH) {
            throw new InvalidDomainNameException(input, InvalidDomainNameException.Reason.NAME_TOO_LONG,
                    "'%s' is %d characters long in A-label form; a domain name may have at most %d."
                            .formatted(input.strip(), ascii.length(), MAX_NAME_LENGTH));
        }
        int disallowed = firstNonIdna2008CodePoint(unicode);
        if (disallowed >= 0) {
            throw new InvalidDomainNameException(input, InvalidDomainNameException.Reason.DISALLOWED_CHARACTER,
                    "'%s' contains '%s' (U+%04X), a character IDNA 2008 does not allow in domain names."
                            .formatted(input.strip(), Character.toString(disallowed), disallowed));
        }
        if (!ascii.contains(".")) {
            throw new InvalidDomainNameException(input, InvalidDomainNameException.Reason.NO_TLD,
                    "'%s' has no top-level domain; write it as name.tld.".formatted(input.strip()));
        }
        String tld = ascii.substring(ascii.lastIndexOf('.') + 1);
        if (tld.chars().allMatch(Character::isDigit)) {
            throw new InvalidDomainNameException(input, InvalidDomainNameException.Reason.INVALID_TLD,
                    "'%s' ends in '%s', which is not a top-level domain: a TLD is never all digits."
                            .formatted(input.strip(), tld));
        }
        return new DomainName(ascii, unicode);
    }

    /** The A-label form for registries and DNS: {@code xn--5cab8c.dk}. */
    public String ascii() {
        return ascii;
    }

    /** The form people read: {@code æøå.dk}. */
    public String unicode() {
        return unicode;
    }

    /** True when any label is an internationalised (xn--) label. */
    public boolean isIdn() {
        return !ascii.equals(unicode);
    }

    /** The labels from left to right, in A-label form. */
    public List<String> labels() {
        return List.of(ascii.split("\\."));
    }

    /** The top-level domain, {@code dk} for {@code æøå.dk}. */
    public Tld tld() {
        return Tld.of(ascii.substring(ascii.lastIndexOf('.') + 1));
    }

    /** The name without its TLD, in A-label form: {@code xn--5cab8c} for {@code æøå.dk}. */
    public String secondLevelLabel() {
        List<String> labels = labels();
        return labels.get(labels.size() - 2);
    }

    /** Whether {@code other} is this name or a name below it ({@code ns1.example.dk} is within {@code example.dk}). */
    public boolean contains(DomainName other) {
        return other.ascii.equals(ascii) || other.ascii.endsWith("." + ascii);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DomainName other && other.ascii.equals(ascii);
    }

    @Override
    public int hashCode() {
        return ascii.hashCode();
    }

    @Override
    public int compareTo(DomainName other) {
        return ascii.compareTo(other.ascii);
    }

    /** The A-label form, as stored and sent to registries. */
    @Override
    public String toString() {
        return ascii;
    }

    private static String withoutRootDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /**
     * UTS #46 accepts symbols and emoji (IDNA 2008's "NV8" characters, e.g. {@code ☃} or {@code 😀}) that
     * IDNA 2008 (RFC 5892) disallows and that registries refuse. Returns the first such code point, or -1.
     */
    private static int firstNonIdna2008CodePoint(String unicode) {
        return unicode.codePoints().filter(cp -> cp != '.' && !isIdna2008Allowed(cp)).findFirst().orElse(-1);
    }

    private static boolean isIdna2008Allowed(int cp) {
        if (cp == '-') {
            return true;
        }
        switch (cp) {
            // RFC 5892 section 2.6 exceptions outside the letter and digit classes (PVALID or CONTEXTO),
            // and the joiners (CONTEXTJ); ICU checks their contexts
            case 0x06FD, 0x06FE, 0x0F0B, 0x3007, 0x00B7, 0x0375, 0x05F3, 0x05F4, 0x30FB, 0x200C, 0x200D:
                return true;
            // RFC 5892 section 2.6 exceptions: DISALLOWED although they are letters or marks
            case 0x0640, 0x07FA, 0x302E, 0x302F, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303B:
                return false;
            default:
                break;
        }
        if (UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || UCharacter.hasBinaryProperty(cp, UProperty.WHITE_SPACE)
                || UCharacter.hasBinaryProperty(cp, UProperty.NONCHARACTER_CODE_POINT)) {
            return false;
        }
        int jamo = UCharacter.getIntPropertyValue(cp, UProperty.HANGUL_SYLLABLE_TYPE);
        if (jamo == UCharacter.HangulSyllableType.LEADING_JAMO || jamo == UCharacter.HangulSyllableType.VOWEL_JAMO
                || jamo == UCharacter.HangulSyllableType.TRAILING_JAMO) {
            return false;
        }
        UCharacter.UnicodeBlock block = UCharacter.UnicodeBlock.of(cp);
        if (block == UCharacter.UnicodeBlock.COMBINING_MARKS_FOR_SYMBOLS
                || block == UCharacter.UnicodeBlock.MUSICAL_SYMBOLS
                || block == UCharacter.UnicodeBlock.ANCIENT_GREEK_MUSICAL_NOTATION) {
            return false;
        }
        int type = UCharacter.getType(cp);
        return type == UCharacterCategory.LOWERCASE_LETTER || type == UCharacterCategory.UPPERCASE_LETTER
                || type == UCharacterCategory.OTHER_LETTER || type == UCharacterCategory.MODIFIER_LETTER
                || type == UCharacterCategory.DECIMAL_DIGIT_NUMBER || type == UCharacterCategory.NON_SPACING_MARK
                || type == UCharacterCategory.COMBINING_SPACING_MARK;
    }

    private static InvalidDomainNameException refusal(String input, Set<IDNA.Error> errors) {
        IDNA.Error first = errors.iterator().next();
        return switch (first) {
            case EMPTY_LABEL -> new InvalidDomainNameException(input, InvalidDomainNameException.Reason.EMPTY_LABEL,
                    "'%s' has an empty label (two dots in a row, or a leading dot).".formatted(input));
            case LABEL_TOO_LONG -> new InvalidDomainNameException(input, InvalidDomainNameException.Reason.LABEL_TOO_LONG,
                    "A label of '%s' is longer than %d characters.".formatted(input, MAX_LABEL_LENGTH));
            case DOMAIN_NAME_TOO_LONG -> new InvalidDomainNameException(input, InvalidDomainNameException.Reason.NAME_TOO_LONG,
                    "'%s' is longer than %d characters.".formatted(input, MAX_NAME_LENGTH));
            case LEADING_HYPHEN -> new InvalidDomainNameException(input, InvalidDomainNameException.Reason.LEADING_HYPHEN,
                    "A label of '%s' starts with a hyphen.".formatted(input));
            case TRAILING_HYPHEN -> new InvalidDomainNameException(input, InvalidDomainNameException.Reason.TRAILING_HYPHEN,
                    "A label of '%s' ends with a hyphen.".formatted(input));
            case HYPHEN_3_4 -> new InvalidDomainNameException(input, InvalidDomainNameException.Reason.HYPHEN_3_4,
                    "A label of '%s' has hyphens in the third and fourth position, which only xn-- labels may have."
                            .formatted(input));
            case PUNYCODE, INVALID_ACE_LABEL -> new InvalidDomainNameException(input,
                    InvalidDomainNameException.Reason.INVALID_PUNYCODE,
                    "'%s' has an xn-- label that is not valid Punycode.".formatted(input));
            case BIDI -> new InvalidDomainNameException(input, InvalidDomainNameException.Reason.BIDI,
                    "'%s' mixes right-to-left and left-to-right characters in a way IDNA forbids.".formatted(input));
            case CONTEXTJ, CONTEXTO_DIGITS, CONTEXTO_PUNCTUATION -> new InvalidDomainNameException(input,
                    InvalidDomainNameException.Reason.CONTEXT,
                    "'%s' uses a joiner or punctuation character where IDNA does not allow it.".formatted(input));
            case DISALLOWED, LEADING_COMBINING_MARK, LABEL_HAS_DOT -> new InvalidDomainNameException(input,
                    InvalidDomainNameException.Reason.DISALLOWED_CHARACTER,
                    "'%s' contains a character that domain names may not have.".formatted(input));
            default -> new InvalidDomainNameException(input, InvalidDomainNameException.Reason.OTHER,
                    "'%s' is not a valid domain name (%s).".formatted(input, first));
        };
    }
}
