package org.kontor.host.catalog;

import java.util.Locale;
import org.kontor.api.funding.ChargeKind;

/** What a customer may do with a name of a TLD, each with its price kind in {@code domain_price}. */
public enum CatalogOperation {
    REGISTER(ChargeKind.DOMAIN_CREATE),
    RENEW(ChargeKind.DOMAIN_RENEW),
    TRANSFER(ChargeKind.DOMAIN_TRANSFER),
    RESTORE(ChargeKind.DOMAIN_RESTORE);

    private final ChargeKind kind;

    CatalogOperation(ChargeKind kind) {
        this.kind = kind;
    }

    public ChargeKind chargeKind() {
        return kind;
    }

    /** The name in the JSON API: {@code register}, {@code renew}, ... */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code register} or {@code REGISTER}; empty-handed callers get an {@link IllegalArgumentException}. */
    public static CatalogOperation parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }

    public static CatalogOperation of(ChargeKind kind) {
        for (CatalogOperation operation : values()) {
            if (operation.kind == kind) {
                return operation;
            }
        }
        throw new IllegalArgumentException(kind + " is not a catalog operation");
    }
}
