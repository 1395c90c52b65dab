package org.kontor.host.catalog;

import java.util.Map;
import java.util.TreeMap;

/**
 * Catalog data was refused; {@link #fieldErrors()} names each refused field with a message in English. The JSON API
 * answers 422 problem+json with these errors.
 */
public final class CatalogValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> fieldErrors;

    public CatalogValidationException(Map<String, String> fieldErrors) {
        super("invalid catalog data: " + new TreeMap<>(fieldErrors));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public static CatalogValidationException of(String field, String message) {
        return new CatalogValidationException(Map.of(field, message));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
