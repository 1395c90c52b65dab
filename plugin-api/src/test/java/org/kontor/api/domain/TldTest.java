package org.kontor.api.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kontor.api.domain.InvalidDomainNameException.Reason;

class TldTest {

    @ParameterizedTest
    @ValueSource(strings = {"dk", "DK", ".dk", ".DK", " Dk ", "dk."})
    void spellingsOfTheSameTld(String text) {
        Tld tld = Tld.of(text);

        assertThat(tld).isEqualTo(Tld.of("dk")).hasSameHashCodeAs(Tld.of("dk"));
        assertThat(tld.ascii()).isEqualTo("dk");
        assertThat(tld).hasToString("dk");
    }

    @Test
    void idnTld() {
        Tld tld = Tld.of("xn--p1ai");

        assertThat(tld.unicode()).isEqualTo("рф");
        assertThat(Tld.of("рф")).isEqualTo(tld);
        assertThat(Tld.of("РФ").ascii()).isEqualTo("xn--p1ai");
        assertThat(Tld.of("dk").unicode()).isEqualTo("dk");
    }

    @Test
    void covers() {
        Tld dk = Tld.of("dk");

        assertThat(dk.covers(DomainName.of("example.dk"))).isTrue();
        assertThat(dk.covers(DomainName.of("ns1.æøå.DK"))).isTrue();
        assertThat(dk.covers(DomainName.of("example.de"))).isFalse();
        assertThat(dk.covers(DomainName.of("example.xdk"))).isFalse();
        assertThat(dk.covers(DomainName.of("dk.example.com"))).isFalse();
        assertThat(Tld.of("рф").covers(DomainName.of("пример.рф"))).isTrue();
    }

    @Test
    void ordersByAscii() {
        assertThat(Tld.of("de")).isLessThan(Tld.of("dk"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "."})
    void emptyRefused(String text) {
        assertThatThrownBy(() -> Tld.of(text)).isInstanceOf(InvalidDomainNameException.class);
    }

    @Test
    void numericTldRefused() {
        assertThatThrownBy(() -> Tld.of("123"))
                .asInstanceOf(type(InvalidDomainNameException.class))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_TLD);
                    assertThat(e.input()).isEqualTo("123");
                    assertThat(e.getMessage()).contains("'123'");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"co.uk", ".co.uk", "a.b.c"})
    void dottedNamesAreNotTlds(String text) {
        assertThatThrownBy(() -> Tld.of(text))
                .asInstanceOf(type(InvalidDomainNameException.class))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_TLD);
                    assertThat(e.getMessage()).contains(text.strip());
                });
    }

    @Test
    void badCharactersRefusedWithTheirReason() {
        assertThatThrownBy(() -> Tld.of("d_k"))
                .asInstanceOf(type(InvalidDomainNameException.class))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DISALLOWED_CHARACTER);
                    assertThat(e.getMessage()).contains("'d_k'");
                });
        assertThatThrownBy(() -> Tld.of("-dk"))
                .asInstanceOf(type(InvalidDomainNameException.class))
                .extracting(InvalidDomainNameException::reason).isEqualTo(Reason.LEADING_HYPHEN);
    }
}
