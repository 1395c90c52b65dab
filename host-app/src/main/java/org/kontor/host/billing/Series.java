package org.kontor.host.billing;

import java.util.Locale;

/** A numbering series: each has its own gap-free sequence and number format. */
public enum Series {
    INVOICE("INV-{yyyy}-{seq:6}"),
    CREDIT_NOTE("CN-{yyyy}-{seq:6}"),
    ADVANCE_TAX_DOCUMENT("ADV-{yyyy}-{seq:6}"),
    SETTLEMENT("SET-{yyyy}-{seq:6}");

    private final String defaultFormat;

    Series(String defaultFormat) {
        this.defaultFormat = defaultFormat;
    }

    public String defaultFormat() {
        return defaultFormat;
    }

    /** {@code billing.number-format.credit-note} for {@link #CREDIT_NOTE}. */
    public String configKey() {
        return "billing.number-format." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
