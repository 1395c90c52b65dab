package org.kontor.api.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kontor.api.contact.ContactRole;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Nameserver;
import org.kontor.api.domain.Period;
import org.kontor.api.outcome.IdempotencyKey;

class RegistryCommandsTest {

    private static final IdempotencyKey KEY = IdempotencyKey.of("order-item:1:register");
    private static final DomainName NAME = DomainName.of("æøå.dk");
    private static final ContactHandle HOLDER = new ContactHandle("ABC1234-DK");

    @Test
    void registerDomainCopiesCollections() {
        List<Nameserver> nameservers = new ArrayList<>(List.of(Nameserver.of("ns1.example.com")));
        Map<ContactRole, ContactHandle> contacts = new EnumMap<>(ContactRole.class);
        contacts.put(ContactRole.TECH, new ContactHandle("TECH-DK"));
        RegisterDomain command = new RegisterDomain(KEY, NAME, Period.years(1), HOLDER, contacts, nameservers,
                null, null);
        nameservers.add(Nameserver.of("ns2.example.com"));
        contacts.put(ContactRole.ADMIN, new ContactHandle("ADMIN-DK"));

        assertThat(command.nameservers()).containsExactly(Nameserver.of("ns1.example.com"));
        assertThat(command.contacts()).containsOnlyKeys(ContactRole.TECH);
        assertThatThrownBy(() -> command.nameservers().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> command.contacts().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void registerDomainNullCollectionsAreEmpty() {
        RegisterDomain command = new RegisterDomain(KEY, NAME, Period.years(1), HOLDER, null, null, null, null);

        assertThat(command.contacts()).isEmpty();
        assertThat(command.nameservers()).isEmpty();
        assertThat(command.authCode()).isNull();
        assertThat(command.launch()).isNull();
        assertThat(RegisterDomain.of(KEY, NAME, Period.years(2), HOLDER, null).nameservers()).isEmpty();
    }

    @Test
    void registerDomainRequiredComponents() {
        assertThatThrownBy(() -> RegisterDomain.of(null, NAME, Period.years(1), HOLDER, List.of()))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> RegisterDomain.of(KEY, null, Period.years(1), HOLDER, List.of()))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> RegisterDomain.of(KEY, NAME, null, HOLDER, List.of()))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("period");
        assertThatThrownBy(() -> RegisterDomain.of(KEY, NAME, Period.years(1), null, List.of()))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("registrant");
    }

    @Test
    void updateDomainCopiesCollections() {
        List<Nameserver> add = new ArrayList<>(List.of(Nameserver.of("ns1.example.com")));
        List<Nameserver> remove = new ArrayList<>(List.of(Nameserver.of("ns0.example.com")));
        Map<ContactRole, ContactHandle> addContacts = new EnumMap<>(Map.of(ContactRole.TECH, new ContactHandle("T-DK")));
        Map<ContactRole, ContactHandle> removeContacts = new EnumMap<>(Map.of(ContactRole.TECH, new ContactHandle("O-DK")));
        Set<String> addStatuses = new HashSet<>(Set.of("clientTransferProhibited"));
        Set<String> removeStatuses = new HashSet<>(Set.of("clientHold"));
        UpdateDomain command = new UpdateDomain(KEY, NAME, add, remove, addContacts, removeContacts, addStatuses,
                removeStatuses, HOLDER, "secret");
        add.clear();
        remove.clear();
        addContacts.clear();
        removeContacts.clear();
        addStatuses.clear();
        removeStatuses.clear();

        assertThat(command.addNameservers()).containsExactly(Nameserver.of("ns1.example.com"));
        assertThat(command.removeNameservers()).containsExactly(Nameserver.of("ns0.example.com"));
        assertThat(command.addContacts()).containsEntry(ContactRole.TECH, new ContactHandle("T-DK"));
        assertThat(command.removeContacts()).containsEntry(ContactRole.TECH, new ContactHandle("O-DK"));
        assertThat(command.addStatuses()).containsExactly("clientTransferProhibited");
        assertThat(command.removeStatuses()).containsExactly("clientHold");
        assertThat(command.newRegistrant()).isEqualTo(HOLDER);
        assertThat(command.newAuthCode()).isEqualTo("secret");
        assertThatThrownBy(() -> command.addStatuses().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void updateDomainNullsLeaveThingsAsTheyAre() {
        UpdateDomain command = new UpdateDomain(KEY, NAME, null, null, null, null, null, null, null, null);

        assertThat(command.addNameservers()).isEmpty();
        assertThat(command.removeNameservers()).isEmpty();
        assertThat(command.addContacts()).isEmpty();
        assertThat(command.removeContacts()).isEmpty();
        assertThat(command.addStatuses()).isEmpty();
        assertThat(command.removeStatuses()).isEmpty();
        assertThat(command.newRegistrant()).isNull();
        assertThat(command.newAuthCode()).isNull();
    }

    @Test
    void updateDomainFactories() {
        UpdateDomain nameservers = UpdateDomain.nameservers(KEY, NAME, List.of(Nameserver.of("ns1.example.com")), null);
        UpdateDomain authCode = UpdateDomain.authCode(KEY, NAME, "s3cret");

        assertThat(nameservers.addNameservers()).hasSize(1);
        assertThat(nameservers.removeNameservers()).isEmpty();
        assertThat(nameservers.newAuthCode()).isNull();
        assertThat(authCode.newAuthCode()).isEqualTo("s3cret");
        assertThat(authCode.addNameservers()).isEmpty();
    }

    @Test
    void updateDomainRequiredComponents() {
        assertThatThrownBy(() -> UpdateDomain.authCode(null, NAME, "x"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> UpdateDomain.authCode(KEY, null, "x"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("name");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void contactHandleRequired(String id) {
        assertThatThrownBy(() -> new ContactHandle(id)).isInstanceOf(IllegalArgumentException.class);
    }
}
