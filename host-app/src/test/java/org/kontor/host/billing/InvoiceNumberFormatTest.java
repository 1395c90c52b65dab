package org.kontor.host.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InvoiceNumberFormatTest {

    private static final LocalDate DATE = LocalDate.of(2027, 3, 5);

    @Test
    void formatsYearMonthAndPaddedSequence() {
        assertThat(new InvoiceNumberFormat("INV-{yyyy}-{seq:6}").format(DATE, 42)).isEqualTo("INV-2027-000042");
        assertThat(new InvoiceNumberFormat("{yy}{mm}/{seq:4}").format(DATE, 7)).isEqualTo("2703/0007");
        assertThat(new InvoiceNumberFormat("F{seq}").format(DATE, 1234567)).isEqualTo("F1234567");
    }

    @Test
    void theCounterRestartsPerYearOrMonthOnlyWhenTheFormatSaysSo() {
        assertThat(new InvoiceNumberFormat("INV-{yyyy}-{seq:6}").period(DATE)).isEqualTo("2027");
        assertThat(new InvoiceNumberFormat("{yyyy}{mm}{seq:4}").period(DATE)).isEqualTo("2027-03");
        assertThat(new InvoiceNumberFormat("F{seq}").period(DATE)).isEmpty();
    }

    @Test
    void refusesFormatsWithoutOneSequenceOrWithUnknownPlaceholders() {
        assertThatThrownBy(() -> new InvoiceNumberFormat("INV-{yyyy}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvoiceNumberFormat("{seq}{seq}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvoiceNumberFormat("{dd}{seq}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvoiceNumberFormat("{mm}{seq}")).isInstanceOf(IllegalArgumentException.class);
    }
}
