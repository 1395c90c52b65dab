package org.kontor.plugins.stripe.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request body (or query) as Stripe reads it: {@code application/x-www-form-urlencoded} with nested fields in
 * brackets, e.g. {@code line_items[0][price_data][currency]=dkk}. Fields keep the order they were added in, so that
 * the same request encodes to the same text (it is stored and sent again under the same Idempotency-Key).
 */
public final class Form {

    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    /** Adds a field; a null value is left out. */
    public Form add(String name, Object value) {
        if (value != null) {
            fields.add(Map.entry(name, value.toString()));
        }
        return this;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** The encoded form for a request body, brackets left readable as Stripe's own libraries send them. */
    public String encode() {
        return encode(true);
    }

    /** The encoded form for a URL's query, where brackets must be escaped. */
    public String encodeQuery() {
        return encode(false);
    }

    private String encode(boolean readableBrackets) {
        StringBuilder encoded = new StringBuilder();
        for (Map.Entry<String, String> field : fields) {
            if (!encoded.isEmpty()) {
                encoded.append('&');
            }
            String name = escape(field.getKey());
            encoded.append(readableBrackets ? name.replace("%5B", "[").replace("%5D", "]") : name)
                    .append('=').append(escape(field.getValue()));
        }
        return encoded.toString();
    }

    @Override
    public String toString() {
        return encode();
    }

    private static String escape(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
