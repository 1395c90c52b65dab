package org.kontor.host.vouchers;

import java.util.Map;
import java.util.TreeMap;

/**
 * A voucher definition was refused; {@link #fieldErrors()} names each refused field with a message in English. The
 * JSON API answers 422 problem+json with these errors.
 */
public final class VoucherValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> fieldErrors;

    public VoucherValidationException(Map<String, String> fieldErrors) {
        super("invalid voucher: " + new TreeMap<>(fieldErrors));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
