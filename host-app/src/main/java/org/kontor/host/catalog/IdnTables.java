package org.kontor.host.catalog;

import com.ibm.icu.lang.UScript;
import java.util.Locale;
import java.util.Map;

/**
 * The characters a TLD's IDN table accepts besides letters a-z, digits and the hyphen (ORD-14). A table is a
 * registry's language table by its code ({@code da}: DK Hostmaster's æ ø å ä ö ü é; {@code de}: DENIC's list) or a
 * Unicode script by name ({@code Latin}, {@code Cyrillic}); a table this class does not know accepts every character
 * IDNA 2008 allows.
 */
final class IdnTables {

    private static final Map<String, String> LANGUAGE_TABLES = Map.of(
            "da", "æøåäöüé",
            "de", "áàăâåäãąāæćĉčċçďđéèĕêěëėęēğĝġģĥħíìĭîïĩįīıĵķĺľļłńňñņŋóòŏôöőõøōœĸŕřŗśŝšşťţŧúùŭûůüűũųūŵýŷÿźžżðþß");

    private IdnTables() {
    }

    /** The first character of {@code label} (Unicode form) that {@code table} refuses; -1 when it accepts them all. */
    static int firstRefused(String table, String label) {
        if (table == null || table.isBlank()) {
            return -1;
        }
        String extra = LANGUAGE_TABLES.get(table.strip().toLowerCase(Locale.ROOT));
        int[] scripts = extra == null ? UScript.getCode(table.strip()) : null;
        if (extra == null && (scripts == null || scripts.length != 1)) {
            return -1;
        }
        return label.codePoints().filter(cp -> !isLdh(cp)
                        && !(extra != null ? extra.indexOf(cp) >= 0 : UScript.getScript(cp) == scripts[0]))
                .findFirst().orElse(-1);
    }

    private static boolean isLdh(int cp) {
        return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '-';
    }
}
