package org.kontor.api.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactTest {

    private static final PostalAddress ADDRESS = PostalAddress.of("Vesterbrogade 1", "1620", "København V", "DK");

    @Test
    void individual() {
        Contact contact = Contact.individual(" Jens Hansen ", ADDRESS, " jens@example.dk ", "+45.33646060");

        assertThat(contact.type()).isEqualTo(HolderType.INDIVIDUAL);
        assertThat(contact.name()).isEqualTo("Jens Hansen");
        assertThat(contact.email()).isEqualTo("jens@example.dk");
        assertThat(contact.phone()).isEqualTo("+45.33646060");
        assertThat(contact.organizationIfPresent()).isEmpty();
        assertThat(contact.vatNumberIfPresent()).isEmpty();
        assertThat(contact.address()).isEqualTo(ADDRESS);
    }

    @Test
    void company() {
        Contact contact = Contact.company("Jens Hansen", " Hansen ApS ", ADDRESS, "info@hansen.dk", "+45.33646060",
                " DK12345678 ");

        assertThat(contact.type()).isEqualTo(HolderType.COMPANY);
        assertThat(contact.organizationIfPresent()).contains("Hansen ApS");
        assertThat(contact.vatNumberIfPresent()).contains("DK12345678");
    }

    @Test
    void blankOptionalFieldsBecomeNull() {
        Contact contact = new Contact(HolderType.INDIVIDUAL, "Jens", "  ", ADDRESS, "j@example.dk", "+45.12345678", "");

        assertThat(contact.organization()).isNull();
        assertThat(contact.vatNumber()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = HolderType.class, names = "INDIVIDUAL", mode = EnumSource.Mode.EXCLUDE)
    void organisationRequiredForEveryNonIndividual(HolderType type) {
        assertThatThrownBy(() -> new Contact(type, "Jens", null, ADDRESS, "j@example.dk", "+45.12345678", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("organization:")
                .hasMessageContaining(type.name().toLowerCase().replace('_', ' '));
        assertThatThrownBy(() -> new Contact(type, "Jens", " ", ADDRESS, "j@example.dk", "+45.12345678", null))
                .hasMessageStartingWith("organization:");
        assertThat(new Contact(type, "Jens", "Org", ADDRESS, "j@example.dk", "+45.12345678", null).organization())
                .isEqualTo("Org");
    }

    @Test
    void typeRequired() {
        assertThatThrownBy(() -> new Contact(null, "Jens", null, ADDRESS, "j@example.dk", "+45.12345678", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("type: is required");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void nameRequired(String name) {
        assertThatThrownBy(() -> Contact.individual(name, ADDRESS, "j@example.dk", "+45.12345678"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("name: is required");
    }

    @Test
    void addressRequired() {
        assertThatThrownBy(() -> Contact.individual("Jens", null, "j@example.dk", "+45.12345678"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("address: is required");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void emailRequired(String email) {
        assertThatThrownBy(() -> Contact.individual("Jens", ADDRESS, email, "+45.12345678"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("email: is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jens", "jens@", "@example.dk", "jens@example", "jens@@example.dk", "je ns@example.dk"})
    void invalidEmailRefused(String email) {
        assertThatThrownBy(() -> Contact.individual("Jens", ADDRESS, email, "+45.12345678"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("email:")
                .hasMessageContaining(email);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void phoneRequired(String phone) {
        assertThatThrownBy(() -> Contact.individual("Jens", ADDRESS, "j@example.dk", phone))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("phone: is required");
    }

    @ParameterizedTest
    @CsvSource({"+45.33646060, +45.33646060", "'+45.3364 6060', +45.33646060", "' +1.2025550123 ', +1.2025550123",
            "+354.1234, +354.1234", "+49.12345678901234, +49.12345678901234"})
    void eppPhoneAccepted(String phone, String expected) {
        assertThat(Contact.individual("Jens", ADDRESS, "j@example.dk", phone).phone()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"33646060", "+4533646060", "45.33646060", "+45-33646060", "+45.123", "+1234.12345678",
            "+45.123456789012345", "+45.3364606a", "+.33646060", "0045.33646060"})
    void nonEppPhoneRefused(String phone) {
        assertThatThrownBy(() -> Contact.individual("Jens", ADDRESS, "j@example.dk", phone))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("phone:")
                .hasMessageContaining("+45.12345678");
    }
}
