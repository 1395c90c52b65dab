package org.kontor.plugins.banktransfer.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceFinderTest {

    private final ReferenceFinder finder = new ReferenceFinder();

    @Test
    void structuredReferenceFirst() {
        assertThat(finder.find("RF18539007547034", List.of("+71<000000000123455+81234567<")))
                .extracting(PaymentReference::key).containsExactly("RF18539007547034", "000000000123455");
        assertThat(finder.find("000020260000425", List.of())).singleElement()
                .satisfies(r -> assertThat(r.scheme()).isEqualTo(PaymentReference.Scheme.FIK));
        assertThat(finder.find("0002026000200", List.of())).singleElement()
                .isEqualTo(new PaymentReference(PaymentReference.Scheme.VARIABLE_SYMBOL, "2026000200", "2026000200"));
    }

    @Test
    void variableSymbolsOnlyWhereMarked() {
        assertThat(finder.find(null, List.of("PLATBA /VS/2026000123/SS//KS/0308"))).extracting(PaymentReference::key)
                .containsExactly("2026000123");
        assertThat(finder.find(null, List.of("/VS2026000200/SS/KS0308"))).extracting(PaymentReference::key)
                .containsExactly("2026000200");
        assertThat(finder.find(null, List.of("Faktura, variabilní symbol: 77"))).extracting(PaymentReference::key)
                .containsExactly("77");
        assertThat(finder.find(null, List.of("Faktura 2026000123"))).as("bare digits in text are no symbol").isEmpty();
    }

    @Test
    void fikIdsOnlyWithAValidCheckDigit() {
        assertThat(finder.find(null, List.of("betalings-id 000000000007773"))).extracting(PaymentReference::key)
                .containsExactly("000000000007773");
        assertThat(finder.find(null, List.of("konto 000000000007774"))).isEmpty();
    }

    @Test
    void referencesChosenPerCurrency() {
        PaymentReferences withCreditor = new PaymentReferences("81234567");
        assertThat(withCreditor.forNumber(Currency.getInstance("DKK"), 12345).display()).isEqualTo("+71<000000000123455+81234567<");
        assertThat(withCreditor.forNumber(Currency.getInstance("CZK"), 2026000123L).key()).isEqualTo("2026000123");
        assertThat(withCreditor.forNumber(Currency.getInstance("EUR"), 539007547034L).display()).isEqualTo("RF18 5390 0754 7034");
        assertThat(new PaymentReferences(null).forNumber(Currency.getInstance("DKK"), 42).key()).isEqualTo("RF3442");
    }

    @Test
    void anRfReferenceFollowedByWordsIsFoundWithOrWithoutItsSpaces() {
        assertThat(finder.find(null, List.of("INDBETALING RF18 5390 0754 7034 FRA KUNDE APS")))
                .extracting(PaymentReference::key).containsExactly("RF18539007547034");
        assertThat(finder.find(null, List.of("INDBETALING RF18539007547034 DEMO HOSTING")))
                .extracting(PaymentReference::key).containsExactly("RF18539007547034");
        assertThat(finder.find(null, List.of("INDBETALING RF19539007547034 DEMO HOSTING"))).as("a wrong check digit")
                .isEmpty();
    }
}
