package org.kontor.api.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PostalAddressTest {

    @Test
    void simpleAddress() {
        PostalAddress address = PostalAddress.of(" Vesterbrogade 1 ", " 1620 ", " København V ", "dk");

        assertThat(address.street()).containsExactly("Vesterbrogade 1");
        assertThat(address.postalCode()).isEqualTo("1620");
        assertThat(address.city()).isEqualTo("København V");
        assertThat(address.countryCode()).isEqualTo("DK");
        assertThat(address.region()).isNull();
    }

    @Test
    void streetLinesAreTrimmedAndBlankLinesDropped() {
        PostalAddress address = new PostalAddress(Arrays.asList("  c/o Hansen ", null, "   ", "Vej 2\t"), "Aarhus",
                " ", "", "DK");

        assertThat(address.street()).containsExactly("c/o Hansen", "Vej 2");
        assertThat(address.region()).isNull();
        assertThat(address.postalCode()).isNull();
    }

    @Test
    void threeStreetLinesAccepted() {
        assertThat(new PostalAddress(List.of("a", "b", "c"), "City", null, null, "DE").street()).hasSize(3);
    }

    @Test
    void streetIsCopied() {
        List<String> street = new ArrayList<>(List.of("Vej 1"));
        PostalAddress address = new PostalAddress(street, "City", null, null, "DK");
        street.add("changed");

        assertThat(address.street()).containsExactly("Vej 1");
        assertThatThrownBy(() -> address.street().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void streetOfNoneOrMoreThanThreeLinesRefused() {
        assertThatThrownBy(() -> new PostalAddress(List.of("a", "b", "c", "d"), "City", null, null, "DK"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("street:");
        assertThatThrownBy(() -> new PostalAddress(List.of(), "City", null, null, "DK"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("street:");
        assertThatThrownBy(() -> new PostalAddress(null, "City", null, null, "DK"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("street:");
        assertThatThrownBy(() -> new PostalAddress(List.of(" ", ""), "City", null, null, "DK"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("street:");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void streetRequiredInFactory(String street) {
        assertThatThrownBy(() -> PostalAddress.of(street, "1620", "København", "DK"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("street:");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void cityRequired(String city) {
        assertThatThrownBy(() -> PostalAddress.of("Vej 1", "1620", city, "DK"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("city: is required");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void countryCodeRequired(String countryCode) {
        assertThatThrownBy(() -> PostalAddress.of("Vej 1", "1620", "København", countryCode))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("countryCode: is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dk", "DK", " Dk ", "de", "gb", "US"})
    void countryCodesUpperCased(String code) {
        assertThat(PostalAddress.of("Vej 1", null, "City", code).countryCode()).isEqualTo(code.strip().toUpperCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "UK", "EU", "DNK", "D", "45", "ÆØ"})
    void unknownCountryCodesRefused(String code) {
        assertThatThrownBy(() -> PostalAddress.of("Vej 1", null, "City", code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("countryCode:")
                .hasMessageContaining(code.toUpperCase());
    }
}
