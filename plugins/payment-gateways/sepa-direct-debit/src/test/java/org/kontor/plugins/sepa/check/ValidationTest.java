package org.kontor.plugins.sepa.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013000", "GB82WEST12345698765432", "DK5000400440116243",
            "AT611904300234573201", "CZ6508000000192000145399", "SK3112000000198742637541", "FR1420041010050500013M02606"})
    void validIbans(String iban) {
        assertThat(BankDetails.ibanProblem(iban)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "DE89370400440532013001, has wrong check digits",
            "DE8937040044053201300, does not have its country's IBAN format",
            "GB82WEST1234569876543A, does not have its country's IBAN format",
            "US64SVBKUS6S3300958879, is from a country without IBANs"})
    void invalidIbans(String iban, String problem) {
        assertThat(BankDetails.ibanProblem(iban)).contains(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"de89 3704 0044 0532 0130 00", " DE89370400440532013000 "})
    void ibansAreNormalizedBeforeTheCheck(String typed) {
        assertThat(BankDetails.normalizeIban(typed.strip())).isEqualTo("DE89370400440532013000");
        assertThat(BankDetails.ibanProblem(BankDetails.normalizeIban(typed.strip()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEUTDEFF", "DEUTDEFF500", "DABADKKK", "GIBACZPX", "COBADEFFXXX"})
    void validBics(String bic) {
        assertThat(BankDetails.bicProblem(bic)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEUTDEF", "DEUTDEFF50", "DEUT1EFF", "DEUTDEFF5000", "deutdeff"})
    void invalidBics(String bic) {
        assertThat(BankDetails.bicProblem(bic)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE98ZZZ09999999999", "AT61ZZZ01234567890", "IT66ZZZA1B2C3D4E5F6G7H8", "ES59ZZZX1234567L",
            "DE98ABC09999999999"})
    void validCreditorIdentifiers(String id) {
        assertThat(CreditorId.problem(id)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "DE97ZZZ09999999999, has wrong check digits",
            "DE98ZZZ09999999998, has wrong check digits",
            "AT62ZZZ01234567890, has wrong check digits",
            "DE98ZZZ, 'is not a country code, two check digits, a business code and an identifier'",
            "D398ZZZ09999999999, 'is not a country code, two check digits, a business code and an identifier'"})
    void invalidCreditorIdentifiers(String id, String problem) {
        assertThat(CreditorId.problem(id)).contains(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MANDATE-2026-0001", "K1234/A(7)", "a.b,c'd+e?f:g", "12345678901234567890123456789012345"})
    void validMandateReferences(String reference) {
        assertThat(SepaText.identifierProblem(reference)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MANDATE 1", "MANDAT-Ä", "/LEADING", "TRAILING/", "A//B", "MANDATE_1",
            "123456789012345678901234567890123456"})
    void invalidMandateReferences(String reference) {
        assertThat(SepaText.identifierProblem(reference)).isPresent();
    }

    @org.junit.jupiter.api.Test
    void freeTextIsReducedToTheSepaCharacterSet() {
        assertThat(SepaText.transliterate("Jørgen Æbelø & Søn – Müller", 70)).isEqualTo("Jorgen AEbelo Son Muller");
        assertThat(SepaText.transliterate("Žluťoučký kůň", 70)).isEqualTo("Zlutoucky kun");
        assertThat(SepaText.transliterate("x".repeat(200), 140)).hasSize(140);
    }
}
