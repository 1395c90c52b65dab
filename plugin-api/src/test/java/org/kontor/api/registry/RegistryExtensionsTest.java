package org.kontor.api.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kontor.api.contact.Contact;
import org.kontor.api.contact.HolderType;
import org.kontor.api.contact.PostalAddress;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;

/** DS records, prices, the new optional command fields and contact identifiers. */
class RegistryExtensionsTest {

    private static final IdempotencyKey KEY = IdempotencyKey.of("k-1");
    private static final DomainName NAME = DomainName.of("example.dk");
    private static final PostalAddress ADDRESS = PostalAddress.of("Vesterbrogade 1", "1620", "København V", "DK");

    @Test
    void aDsRecordIsNormalisedAndChecked() {
        DsRecord ds = new DsRecord(12345, 13, 2, "49fd46e6 c4b45c55d4ac69cbd3cd34ac1afe51de49fd46e6c4b45c55d4ac69cb");
        assertThat(ds.digest()).isEqualTo("49FD46E6C4B45C55D4AC69CBD3CD34AC1AFE51DE49FD46E6C4B45C55D4AC69CB");
        assertThatThrownBy(() -> new DsRecord(70000, 13, 2, ds.digest())).hasMessageStartingWith("keyTag:");
        assertThatThrownBy(() -> new DsRecord(1, 256, 2, ds.digest())).hasMessageStartingWith("algorithm:");
        assertThatThrownBy(() -> new DsRecord(1, 13, 2, "ABC")).hasMessageStartingWith("digest:");
        assertThatThrownBy(() -> new DsRecord(1, 13, 1, ds.digest())).hasMessageContaining("40");
        assertThat(new DsRecord(1, 13, 99, "ABCD").digest()).isEqualTo("ABCD");
    }

    @Test
    void theOldConstructorsStillBuildCommandsWithoutTheNewFields() {
        RegisterDomain register = new RegisterDomain(KEY, NAME, Period.years(1), new ContactHandle("H1-DK"), null,
                null, null, null);
        assertThat(register.dsRecords()).isEmpty();
        assertThat(register.allocationToken()).isNull();
        assertThat(register.termsAcceptedAt()).isNull();
        Instant accepted = Instant.parse("2026-05-11T08:30:00Z");
        RegisterDomain full = register.withAllocationToken("  tok ").withTermsAcceptedAt(accepted)
                .withDsRecords(List.of(new DsRecord(1, 8, 99, "AB")));
        assertThat(full.allocationToken()).isEqualTo("tok");
        assertThat(full.termsAcceptedAt()).isEqualTo(accepted);
        assertThat(full.dsRecords()).hasSize(1);

        UpdateDomain update = new UpdateDomain(KEY, NAME, null, null, null, null, null, null, null, null);
        assertThat(update.addDsRecords()).isEmpty();
        assertThat(UpdateDomain.clearAuthCode(KEY, NAME).newAuthCode()).isEmpty();
        assertThat(UpdateDomain.registrant(KEY, NAME, new ContactHandle("H2-DK"), accepted).termsAcceptedAt())
                .isEqualTo(accepted);
    }

    @Test
    void aPriceWithoutAmountNeedsAReason() {
        assertThat(new DomainPrice(NAME, "create", Period.years(1), Money.of("10.00", "EUR"), false, null).quoted())
                .isTrue();
        assertThatThrownBy(() -> new DomainPrice(NAME, "create", null, null, false, null))
                .hasMessageStartingWith("reason:");
    }

    @Test
    void contactIdentifiersMobileAndSecondEmailAreChecked() {
        Contact contact = new Contact(HolderType.COMPANY, "Anne", "Firma ApS", ADDRESS, "a@example.dk",
                "+45.12345678", "DK12345678");
        assertThat(contact.identifiers()).isEmpty();
        Contact full = contact.withIdentifier(Contact.EAN, "5798009780690").withIdentifier(Contact.P_NUMBER,
                "10064 10698").withMobilePhone("+45.5127 0675").withSecondaryEmail("faktura@example.dk");
        assertThat(full.identifier(Contact.P_NUMBER)).contains("1006410698");
        assertThat(full.mobilePhone()).isEqualTo("+45.51270675");
        assertThatThrownBy(() -> contact.withIdentifier(Contact.EAN, "123")).hasMessageStartingWith("identifiers.ean:");
        assertThatThrownBy(() -> contact.withIdentifier("gln", "1")).hasMessageStartingWith("identifiers:");
        assertThatThrownBy(() -> contact.withMobilePhone("51270675")).hasMessageStartingWith("mobilePhone:");
        assertThatThrownBy(() -> contact.withSecondaryEmail("nope")).hasMessageStartingWith("secondaryEmail:");
    }
}
