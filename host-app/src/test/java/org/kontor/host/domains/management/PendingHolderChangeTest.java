package org.kontor.host.domains.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.contact.ContactRole;
import org.kontor.api.domain.DomainName;
import org.kontor.api.portfolio.PortfolioDomain.State;
import org.kontor.database.Database;
import org.kontor.host.catalog.CatalogStore;
import org.kontor.host.customers.ContactInput;
import org.kontor.host.customers.Contacts;
import org.kontor.host.customers.HolderContact;
import org.kontor.host.domains.DomainPrices;
import org.kontor.host.domains.DomainStore;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * A change of holder the registry decides later (the .dk registry asks the new holder to consent): the customer's
 * history shows it as pending, with the registry's command carrying the new holder and the time the terms were
 * accepted.
 */
@DatabaseTest(migrateHost = true)
class PendingHolderChangeTest {

    private final TestClock clock = TestClock.at(Instant.parse("2026-11-20T12:00:00Z"));
    private final DomainName name = DomainName.of("samtykke-" + System.nanoTime() + ".dk");
    private final ConsentRegistry registry = new ConsentRegistry(name);
    private DomainManagement management;
    private HolderContact holder;
    private String customer;

    @BeforeEach
    void setUp(Database db) {
        customer = "consent-" + System.nanoTime();
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO customer (id, email, email_key, password_hash, name, "
                        + "country, language, currency, role, created_at) VALUES (:id, :email, :email, 'x', 'Karen Kunde', "
                        + "'DK', 'da', 'DKK', 'CUSTOMER', 0)")
                .bind("id", customer).bind("email", customer + "@example.net").execute());
        DomainStore domains = new DomainStore(db.jdbi(), clock);
        domains.jdbi().useTransaction(h -> domains.put(h, name, customer, "consent", State.ACTIVE,
                clock.instant(), Instant.parse("2027-01-10T10:00:00Z"), null, "test"));
        Contacts contacts = new Contacts(db.jdbi(), clock, new CatalogStore(db.jdbi(), new DomainPrices(db.jdbi(), clock),
                clock));
        holder = contacts.create(customer, new ContactInput("INDIVIDUAL", "Mette Hansen", null, List.of("Nyvej 3"),
                "Aarhus C", null, "8000", "DK", "mette@example.net", "+45.70123456", null, null, null, null, null,
                List.of()));
        // cancellation is not what this test is about: no portfolio
        management = new DomainManagement(domains, id -> id.equals("consent") ? Optional.of(registry) : Optional.empty(),
                null, contacts, new DomainChanges(db.jdbi(), clock), 30, clock, new SecureRandom());
    }

    @DbTest
    void aChangeTheNewHolderMustConsentToIsPending(Database db) {
        DomainManagement.HolderChange change = management.changeHolder(customer, name.ascii(), holder.id(), true);

        assertThat(change.pending()).isTrue();
        assertThat(change.message()).contains("asked to accept");
        assertThat(registry.contacts).singleElement().satisfies(sent ->
                assertThat(sent.contact().name()).isEqualTo("Mette Hansen"));
        assertThat(registry.updates).singleElement().satisfies(update -> {
            assertThat(update.newRegistrant().id()).isEqualTo("NEW1-DK");
            assertThat(update.termsAcceptedAt()).isEqualTo(clock.instant());
            assertThat(update.addContacts()).doesNotContainKey(ContactRole.ADMIN);
        });
        assertThat(management.history(customer, name.ascii())).singleElement().satisfies(recorded -> {
            assertThat(recorded.kind()).isEqualTo(DomainChange.Kind.HOLDER);
            assertThat(recorded.state()).isEqualTo(DomainChange.State.PENDING);
            assertThat(recorded.detail()).isEqualTo("Mette Hansen");
        });
    }

    @DbTest
    void withoutTheTermsAcceptedNothingIsSent(Database db) {
        DomainManagementException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> management.changeHolder(customer, name.ascii(), holder.id(), false),
                DomainManagementException.class);

        assertThat(refused.reason()).isEqualTo(DomainManagementException.Reason.TERMS_NOT_ACCEPTED);
        assertThat(registry.contacts).isEmpty();
        assertThat(registry.updates).isEmpty();
        assertThat(management.history(customer, name.ascii())).isEmpty();
    }
}
