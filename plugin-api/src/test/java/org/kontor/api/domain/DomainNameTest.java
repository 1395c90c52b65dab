package org.kontor.api.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kontor.api.domain.InvalidDomainNameException.Reason;

class DomainNameTest {

    private static final String LABEL_63 = "a".repeat(63);

    @Nested
    class Idn {

        @Test
        void unicodeInputIsKeptAsALabel() {
            DomainName name = DomainName.of("æøå.dk");

            assertThat(name.ascii()).isEqualTo("xn--5cab8c.dk");
            assertThat(name.unicode()).isEqualTo("æøå.dk");
            assertThat(name.isIdn()).isTrue();
            assertThat(name).hasToString("xn--5cab8c.dk");
        }

        @Test
        void aLabelInputGivesTheUnicodeForm() {
            DomainName name = DomainName.of("xn--5cab8c.dk");

            assertThat(name.ascii()).isEqualTo("xn--5cab8c.dk");
            assertThat(name.unicode()).isEqualTo("æøå.dk");
            assertThat(name.isIdn()).isTrue();
        }

        @Test
        void bothFormsAreEqual() {
            DomainName fromUnicode = DomainName.of("æøå.dk");
            DomainName fromAscii = DomainName.of("xn--5cab8c.dk");

            assertThat(fromUnicode).isEqualTo(fromAscii).hasSameHashCodeAs(fromAscii);
            assertThat(fromUnicode.compareTo(fromAscii)).isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"ÆØÅ.dk", "ÆØÅ.DK", "XN--5CAB8C.DK", "Xn--5Cab8C.dk", "æøå.dk.", "  æøå.dk  ", "æøå。dk"})
        void upperCaseWhiteSpaceAndFullStopsAreNormalised(String input) {
            DomainName name = DomainName.of(input);

            assertThat(name.ascii()).isEqualTo("xn--5cab8c.dk");
            assertThat(name.unicode()).isEqualTo("æøå.dk");
            assertThat(name).isEqualTo(DomainName.of("æøå.dk"));
        }

        @Test
        void sharpSIsKeptUnderNonTransitionalProcessing() {
            DomainName name = DomainName.of("straße.de");

            assertThat(name.ascii()).isEqualTo("xn--strae-oqa.de");
            assertThat(name.unicode()).isEqualTo("straße.de");
            assertThat(name).isNotEqualTo(DomainName.of("strasse.de"));
            assertThat(DomainName.of("xn--strae-oqa.de").unicode()).isEqualTo("straße.de");
        }

        @Test
        void finalSigmaIsKept() {
            assertThat(DomainName.of("ς.gr").unicode()).isEqualTo("ς.gr");
        }

        @Test
        void idnTld() {
            DomainName name = DomainName.of("пример.рф");

            assertThat(name.ascii()).isEqualTo("xn--e1afmkfd.xn--p1ai");
            assertThat(name.tld()).isEqualTo(Tld.of("xn--p1ai"));
            assertThat(DomainName.of("xn--e1afmkfd.xn--p1ai").unicode()).isEqualTo("пример.рф");
        }

        @Test
        void middleDotBetweenTwoLsIsAllowedInCatalan() {
            assertThat(DomainName.of("l·l.cat").ascii()).isEqualTo("xn--ll-0ea.cat");
        }
    }

    @Nested
    class Ascii {

        @ParameterizedTest
        @CsvSource({
                "Example.DK, example.dk",
                "example.dk., example.dk",
                "' example.dk ', example.dk",
                "WWW.Example.Co.UK, www.example.co.uk",
                "a1-b2.dk, a1-b2.dk",
                "123.dk, 123.dk"
        })
        void normalised(String input, String expected) {
            DomainName name = DomainName.of(input);

            assertThat(name.ascii()).isEqualTo(expected);
            assertThat(name.unicode()).isEqualTo(expected);
            assertThat(name.isIdn()).isFalse();
        }

        @Test
        void labelOf63AndNameOf253AreAccepted() {
            assertThat(DomainName.of(LABEL_63 + ".dk").labels().get(0)).hasSize(63);
            String name253 = nameOfLength(253);
            assertThat(name253).hasSize(253);
            assertThat(DomainName.of(name253).ascii()).hasSize(253);
            assertThat(DomainName.of(name253 + ".").ascii()).hasSize(253);
        }
    }

    @Nested
    class Parts {

        @Test
        void labels() {
            assertThat(DomainName.of("www.æøå.dk").labels()).containsExactly("www", "xn--5cab8c", "dk");
            assertThat(DomainName.of("example.dk").labels()).containsExactly("example", "dk");
        }

        @Test
        void tld() {
            assertThat(DomainName.of("www.example.co.uk").tld()).isEqualTo(Tld.of("uk"));
            assertThat(DomainName.of("æøå.dk").tld().ascii()).isEqualTo("dk");
        }

        @Test
        void secondLevelLabel() {
            assertThat(DomainName.of("æøå.dk").secondLevelLabel()).isEqualTo("xn--5cab8c");
            assertThat(DomainName.of("example.dk").secondLevelLabel()).isEqualTo("example");
            assertThat(DomainName.of("ns1.example.dk").secondLevelLabel()).isEqualTo("example");
        }

        @Test
        void containsItselfAndNamesBelow() {
            DomainName domain = DomainName.of("example.dk");

            assertThat(domain.contains(DomainName.of("example.dk"))).isTrue();
            assertThat(domain.contains(DomainName.of("ns1.example.dk"))).isTrue();
            assertThat(domain.contains(DomainName.of("a.b.EXAMPLE.dk."))).isTrue();
        }

        @Test
        void doesNotContainSiblingsSuffixesOrParents() {
            DomainName domain = DomainName.of("example.dk");

            assertThat(domain.contains(DomainName.of("myexample.dk"))).isFalse();
            assertThat(domain.contains(DomainName.of("example.de"))).isFalse();
            assertThat(domain.contains(DomainName.of("example.dk.evil.com"))).isFalse();
            assertThat(DomainName.of("ns1.example.dk").contains(domain)).isFalse();
        }

        @Test
        void containsWorksAcrossUnicodeAndALabels() {
            assertThat(DomainName.of("æøå.dk").contains(DomainName.of("ns1.xn--5cab8c.dk"))).isTrue();
        }

        @Test
        void ordersByALabel() {
            assertThat(DomainName.of("b.dk")).isGreaterThan(DomainName.of("a.dk"));
            assertThat(DomainName.of("a.dk")).isNotEqualTo("a.dk");
        }
    }

    @Nested
    class Refusals {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t", " \n "})
        void emptyOrBlank(String input) {
            assertRefused(input, Reason.EMPTY).hasMessageContaining("empty");
        }

        static Stream<Arguments> refusals() {
            return Stream.of(
                    Arguments.of("a..dk", Reason.EMPTY_LABEL, "empty label"),
                    Arguments.of(".example.dk", Reason.EMPTY_LABEL, "empty label"),
                    Arguments.of("example.dk..", Reason.EMPTY_LABEL, "empty label"),
                    Arguments.of(".", Reason.EMPTY_LABEL, "empty label"),
                    Arguments.of(LABEL_63 + "a.dk", Reason.LABEL_TOO_LONG, "longer than 63"),
                    Arguments.of("-example.dk", Reason.LEADING_HYPHEN, "starts with a hyphen"),
                    Arguments.of("example.-dk", Reason.LEADING_HYPHEN, "starts with a hyphen"),
                    Arguments.of("example-.dk", Reason.TRAILING_HYPHEN, "ends with a hyphen"),
                    Arguments.of("ab--c.dk", Reason.HYPHEN_3_4, "third and fourth"),
                    Arguments.of("exa mple.dk", Reason.DISALLOWED_CHARACTER, "character"),
                    Arguments.of("ex_ample.dk", Reason.DISALLOWED_CHARACTER, "character"),
                    Arguments.of("ex@mple.dk", Reason.DISALLOWED_CHARACTER, "character"),
                    Arguments.of("exa!mple.dk", Reason.DISALLOWED_CHARACTER, "character"),
                    Arguments.of("ex\tample.dk", Reason.DISALLOWED_CHARACTER, "character"),
                    Arguments.of("\u0301a.dk", Reason.DISALLOWED_CHARACTER, "character"),
                    Arguments.of("😀.dk", Reason.DISALLOWED_CHARACTER, "U+1F600"),
                    Arguments.of("xn--e28h.dk", Reason.DISALLOWED_CHARACTER, "U+1F600"),
                    Arguments.of("i❤.dk", Reason.DISALLOWED_CHARACTER, "U+2764"),
                    Arguments.of("☃.com", Reason.DISALLOWED_CHARACTER, "U+2603"),
                    Arguments.of("xn--zz.dk", Reason.INVALID_PUNYCODE, "Punycode"),
                    Arguments.of("xn--.dk", Reason.INVALID_PUNYCODE, "Punycode"),
                    Arguments.of("xn--a.dk", Reason.INVALID_PUNYCODE, "Punycode"),
                    Arguments.of("xn--ab--c.dk", Reason.INVALID_PUNYCODE, "Punycode"),
                    Arguments.of("a.xn--zz", Reason.INVALID_PUNYCODE, "Punycode"),
                    Arguments.of("a\u200Db.dk", Reason.CONTEXT, "joiner"),
                    Arguments.of("\u00B7a.dk", Reason.CONTEXT, "punctuation"),
                    Arguments.of("١٢.dk", Reason.BIDI, "right-to-left"),
                    Arguments.of("example", Reason.NO_TLD, "no top-level domain"),
                    Arguments.of("Example.", Reason.NO_TLD, "no top-level domain"),
                    Arguments.of("æøå", Reason.NO_TLD, "no top-level domain"),
                    Arguments.of("example.123", Reason.INVALID_TLD, "'123'"),
                    Arguments.of("192.168.0.1", Reason.INVALID_TLD, "'1'"));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @MethodSource("refusals")
        void refusedWithSpecificReasonAndMessageNamingTheInput(String input, Reason reason, String detail) {
            assertRefused(input, reason)
                    .hasMessageContaining(detail)
                    .hasMessageContaining("'" + input + "'");
        }

        @Test
        void nameLongerThan253() {
            String input = nameOfLength(254);

            assertRefused(input, Reason.NAME_TOO_LONG)
                    .hasMessageContaining("253")
                    .hasMessageContaining(input);
            assertRefused(input + ".", Reason.NAME_TOO_LONG);
        }

        @Test
        void unicodeNameWhoseALabelFormIsTooLong() {
            // 59 Unicode characters, but the A-label is far longer than 63
            String label = "æ".repeat(59);
            assertRefused(label + ".dk", Reason.LABEL_TOO_LONG);
        }

        @Test
        void reasonsAreDistinctForDistinctProblems() {
            assertThat(reasonOf("-a.dk")).isNotEqualTo(reasonOf("a-.dk"));
            assertThat(reasonOf("a..dk")).isNotEqualTo(reasonOf(""));
        }

        @Test
        void exceptionIsAnIllegalArgumentException() {
            assertThatThrownBy(() -> DomainName.of("a..dk")).isInstanceOf(IllegalArgumentException.class);
        }

        private static Reason reasonOf(String input) {
            try {
                DomainName.of(input);
            } catch (InvalidDomainNameException e) {
                return e.reason();
            }
            throw new AssertionError("accepted " + input);
        }
    }

    static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String input, Reason reason) {
        var thrown = assertThatThrownBy(() -> DomainName.of(input)).isInstanceOf(InvalidDomainNameException.class);
        thrown.asInstanceOf(type(InvalidDomainNameException.class)).satisfies(e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.input()).isEqualTo(String.valueOf(input));
        });
        return thrown;
    }

    /** A valid name of exactly {@code length} characters made of 63-character labels and a .dk TLD. */
    static String nameOfLength(int length) {
        StringBuilder name = new StringBuilder();
        int remaining = length - 3; // ".dk"
        while (remaining > 0) {
            int label = Math.min(63, remaining);
            if (remaining - label == 1) {
                label--; // never leave a single character that cannot form "." + label
            }
            if (name.length() > 0) {
                name.append('.');
                remaining--;
                label = Math.min(label, remaining);
            }
            name.append("b".repeat(label));
            remaining -= label;
        }
        return name + ".dk";
    }
}
