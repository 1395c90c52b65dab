package org.kontor.plugins.googleanalytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.kontor.api.event.OrderCheckedOut;

/**
 * GA4's Measurement Protocol: {@code POST /mp/collect?measurement_id=…&api_secret=…} with a JSON body of events. A
 * purchase carries the order's id as {@code transaction_id}, which GA4 uses to drop a purchase sent twice.
 */
public final class MeasurementProtocol {

    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public MeasurementProtocol(HttpClient http) {
        this.http = http;
    }

    /** The body of a purchase event: {@code value} is the net amount, {@code tax} the VAT. */
    public ObjectNode purchase(OrderCheckedOut order) {
        ObjectNode body = json.createObjectNode();
        body.put("client_id", clientId(order.customerId() == null ? order.orderId() : order.customerId()));
        ObjectNode event = body.putArray("events").addObject();
        event.put("name", "purchase");
        ObjectNode params = event.putObject("params");
        params.put("transaction_id", order.orderId());
        params.put("currency", order.total().currencyCode());
        params.put("value", order.total().minus(order.vat()).amount());
        params.put("tax", order.vat().amount());
        ArrayNode items = params.putArray("items");
        for (OrderCheckedOut.Item item : order.items()) {
            ObjectNode entry = items.addObject();
            entry.put("item_id", item.sku());
            entry.put("item_name", item.name() == null ? item.sku() : item.name());
            if (item.category() != null) {
                entry.put("item_category", item.category());
            }
            entry.put("price", item.price().amount());
            entry.put("quantity", item.quantity());
        }
        return body;
    }

    /** Sends a body to {@code /mp/collect}; returns normally when GA4 took it (a 2xx answer). */
    public void send(GoogleConfig config, ObjectNode body) throws IOException, InterruptedException {
        HttpResponse<String> answer = post(config, "/mp/collect", body);
        if (answer.statusCode() / 100 != 2) {
            throw new IOException("The Measurement Protocol answered " + answer.statusCode());
        }
    }

    /** Sends a body to the validation server {@code /debug/mp/collect} and gives its answer. */
    public HttpResponse<String> validate(GoogleConfig config, ObjectNode body) throws IOException, InterruptedException {
        return post(config, "/debug/mp/collect", body);
    }

    private HttpResponse<String> post(GoogleConfig config, String path, ObjectNode body)
            throws IOException, InterruptedException {
        URI uri = URI.create(config.baseUrl() + path + "?measurement_id="
                + URLEncoder.encode(config.measurementId().orElseThrow(), StandardCharsets.UTF_8) + "&api_secret="
                + URLEncoder.encode(config.apiSecret().orElseThrow(), StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri).timeout(config.timeout()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A client id in GA's form ({@code <number>.<number>}), the same for every order of a customer but not their id;
     * these purchases are not joined to the browser's own session.
     */
    static String clientId(String customerId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("kontor-ga-client:" + customerId).getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(digest);
            return Long.parseUnsignedLong(hex.substring(0, 8), 16) + "." + Long.parseUnsignedLong(hex.substring(8, 16), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
