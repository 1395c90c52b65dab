package org.kontor.plugins.paypal.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** PayPal's HATEOAS links ({@code "links": [{"href": ..., "rel": ..., "method": ...}]}). */
public final class Links {

    private Links() {
    }

    /** The href of the first link of relation {@code rel}. */
    public static Optional<String> href(JsonNode resource, String rel) {
        for (JsonNode link : resource.path("links")) {
            if (rel.equals(link.path("rel").asText()) && link.hasNonNull("href")) {
                return Optional.of(link.get("href").asText());
            }
        }
        return Optional.empty();
    }

    /** The id at the end of the link {@code rel} when it points into {@code collection}, e.g. {@code /v2/payments/captures/}. */
    public static Optional<String> id(JsonNode resource, String rel, String collection) {
        return href(resource, rel).flatMap(href -> {
            int at = href.indexOf(collection);
            if (at < 0) {
                return Optional.empty();
            }
            String rest = href.substring(at + collection.length());
            int end = rest.indexOf('/');
            String id = end < 0 ? rest : rest.substring(0, end);
            int query = id.indexOf('?');
            id = query < 0 ? id : id.substring(0, query);
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        });
    }
}
