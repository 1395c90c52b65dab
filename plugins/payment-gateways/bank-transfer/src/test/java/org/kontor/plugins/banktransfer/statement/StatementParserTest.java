package org.kontor.plugins.banktransfer.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kontor.api.money.Money;

class StatementParserTest {

    private final StatementParser parser = new StatementParser();

    static byte[] resource(String name) {
        try (InputStream in = StatementParserTest.class.getResourceAsStream("/statements/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsADanishCamt053Version02() throws Exception {
        Statement statement = parser.parse(resource("danish-bank-camt053-001.02.xml")).get(0);
        assertThat(statement.format()).isEqualTo("camt.053.001.02");
        assertThat(statement.account()).isEqualTo("DK5000400440116243");
        assertThat(statement.statementId()).isEqualTo("DK5000400440116243-20261123");
        assertThat(statement.opening()).isEqualTo(Money.of("10000.00", "DKK"));
        assertThat(statement.closing()).isEqualTo(Money.of("11870.00", "DKK"));
        assertThat(statement.date()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(statement.entries()).as("the pending entry is left out").hasSize(6);
        assertThat(statement.credits()).extracting(StatementEntry::amount).containsExactly(Money.of("480.00", "DKK"),
                Money.of("1000.00", "DKK"), Money.of("100.00", "DKK"), Money.of("250.00", "DKK"), Money.of("75.00", "DKK"));
        StatementEntry first = statement.entries().get(0);
        assertThat(first.entryReference()).isEqualTo("DB2611230000001");
        assertThat(first.remittance()).isEqualTo("+71<000000000123455+81234567<");
        assertThat(first.payer()).isEqualTo("Karen Kunde");
        assertThat(first.bookingDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(first.texts()).as("NOTPROVIDED is no text").doesNotContain("NOTPROVIDED");
        assertThat(statement.entries().get(1).structured()).isEqualTo("000020260000425");
        assertThat(statement.entries().get(5).credit()).isFalse();
    }

    @Test
    void readsACzechCamt053Version08WithABatch() throws Exception {
        Statement statement = parser.parse(resource("czech-bank-camt053-001.08.xml")).get(0);
        assertThat(statement.format()).isEqualTo("camt.053.001.08");
        assertThat(statement.opening()).as("the previous closing balance opens").isEqualTo(Money.of("55318.00", "CZK"));
        assertThat(statement.entries()).extracting(StatementEntry::entryReference)
                .containsExactly("KB2611240000101", "KB2611240000102-1", "KB2611240000102-2");
        StatementEntry first = statement.entries().get(0);
        assertThat(first.structured()).isEqualTo("2026000200");
        assertThat(first.payer()).isEqualTo("Petra Svobodová");
        assertThat(first.endToEndId()).isEqualTo("/VS2026000200/SS/KS0308");
        assertThat(statement.entries().get(2).additional()).isEqualTo("Faktura 2026/000201, VS:2026000201");
        assertThat(statement.entries().get(2).amount()).isEqualTo(Money.of("605.00", "CZK"));
    }

    @Test
    void readsACzechMt940() throws Exception {
        List<Statement> statements = parser.parse(resource("czech-bank-mt940.sta"));
        assertThat(statements).hasSize(1);
        Statement statement = statements.get(0);
        assertThat(statement.format()).isEqualTo("MT940");
        assertThat(statement.statementId()).isEqualTo("STMT2611230001/00231/1");
        assertThat(statement.account()).isEqualTo("CZ6508000000192000145399");
        assertThat(statement.opening()).isEqualTo(Money.of("50000.00", "CZK"));
        assertThat(statement.closing()).isEqualTo(Money.of("55318.00", "CZK"));
        assertThat(statement.entries()).hasSize(5);
        StatementEntry first = statement.entries().get(0);
        assertThat(first.entryReference()).isEqualTo("CS26112300001");
        assertThat(first.amount()).isEqualTo(Money.of("3630.00", "CZK"));
        assertThat(first.bookingDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(first.remittance()).isEqualTo("PLATBA ZA FAKTURU /VS/2026000123/SS//KS/0308 NOVAK JAN");
        assertThat(first.additional()).contains("PRICHOZI PLATBA");
        assertThat(statement.entries().get(1).additional()).as("the wrapped line joined again")
                .contains("VS:2026000124");
        assertThat(statement.entries().get(4).credit()).isFalse();
        assertThat(statement.credits()).hasSize(4);
    }

    @Test
    void readsMt940WithoutBlocksAndWithReversalsAndSeveralStatements() throws Exception {
        String text = String.join("\n",
                ":20:A1", ":25:DK5000400440116243", ":28C:1/1", ":60F:C261231DKK100,", ":61:2601020102C50,00NTRFREF1//B1",
                ":86:+71<000000000123455+81234567<", ":61:2601020102RD10,00NTRFNONREF//B2", ":86:TILBAGEFOERT",
                ":62F:C260102DKK160,00", "-",
                ":20:A2", ":25:DK5000400440116243", ":28C:2/1", ":60F:C260102DKK160,00",
                ":61:2601031231C1,00NTRFNONREF", ":86:SLUT", ":62F:C260103DKK161,00", "-");
        List<Statement> statements = parser.parse(text.getBytes(StandardCharsets.UTF_8));
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).credits()).as("a reversal is no payment").singleElement()
                .satisfies(entry -> assertThat(entry.endToEndId()).isEqualTo("REF1"));
        StatementEntry last = statements.get(1).entries().get(0);
        assertThat(last.entryReference()).as("no bank reference: the statement and position").isEqualTo("A2/2/1/1");
        assertThat(last.bookingDate()).as("booked on 31 December of the year before").isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void refusesAStatementThatDoesNotAddUp() {
        String text = String.join("\n", ":20:A1", ":25:X", ":28C:1", ":60F:C261231DKK100,00",
                ":61:2601020102C50,00NTRFNONREF//B1", ":62F:C260102DKK149,00", "-");
        assertThatThrownBy(() -> parser.parse(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(StatementException.class).hasMessageContaining("closing balance is 149.00 DKK");
    }

    @Test
    void refusesOtherFilesAndDoctypes() {
        assertThatThrownBy(() -> parser.parse("Dato;Tekst;Beløb".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(StatementException.class);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">&x;</Document>";
        assertThatThrownBy(() -> parser.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(StatementException.class).hasMessageContaining("not well-formed");
        String pain = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"/>";
        assertThatThrownBy(() -> parser.parse(pain.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(StatementException.class).hasMessageContaining("not a camt.053");
    }
}
