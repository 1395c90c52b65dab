package org.kontor.plugins.matomo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.kontor.api.event.OrderCheckedOut;

/**
 * Matomo's HTTP Tracking API: an e-commerce order is one POST to {@code matomo.php} with {@code idgoal=0} and the
 * order's id ({@code ec_id}), totals and items. Matomo records an order id once per website, so sending it again
 * after a failure cannot count it twice.
 */
public final class MatomoTracking {

    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public MatomoTracking(HttpClient http) {
        this.http = http;
    }

    /** The tracking request's parameters for an order, in the order they are sent. */
    public List<String[]> orderParameters(MatomoConfig config, OrderCheckedOut order) {
        List<String[]> parameters = new ArrayList<>();
        parameters.add(new String[] {"idsite", String.valueOf(config.siteId().orElseThrow())});
        parameters.add(new String[] {"rec", "1"});
        parameters.add(new String[] {"apiv", "1"});
        parameters.add(new String[] {"send_image", "0"});
        parameters.add(new String[] {"idgoal", "0"});
        parameters.add(new String[] {"ec_id", order.orderId()});
        parameters.add(new String[] {"revenue", order.total().amount().toPlainString()});
        parameters.add(new String[] {"ec_st", order.total().minus(order.vat()).amount().toPlainString()});
        parameters.add(new String[] {"ec_tx", order.vat().amount().toPlainString()});
        parameters.add(new String[] {"ec_items", items(order)});
        if (order.trackingAllowed() && order.customerId() != null) {
            // The same visitor for every order of a customer who consented; not the customer's id itself.
            parameters.add(new String[] {"_id", visitorId(order.customerId())});
        }
        config.authToken().ifPresent(token -> parameters.add(new String[] {"token_auth", token}));
        return parameters;
    }

    /**
     * Sends the order; returns normally when Matomo took it.
     *
     * @throws IOException when Matomo cannot be reached or refuses the request (the host delivers the event again later)
     */
    public void trackOrder(MatomoConfig config, OrderCheckedOut order) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.trackerBase().orElseThrow() + "matomo.php"))
                .timeout(config.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(orderParameters(config, order))))
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IOException("Matomo answered " + answer.statusCode() + " to the tracking request of order "
                    + order.orderId());
        }
    }

    /** {@code [[sku, name, category, price, quantity], …]} as Matomo's {@code ec_items} wants them. */
    String items(OrderCheckedOut order) {
        ArrayNode items = json.createArrayNode();
        for (OrderCheckedOut.Item item : order.items()) {
            ArrayNode entry = items.addArray();
            entry.add(item.sku());
            entry.add(item.name() == null ? item.sku() : item.name());
            entry.add(item.category() == null ? "" : item.category());
            entry.add(item.price().amount());
            entry.add(item.quantity());
        }
        return items.toString();
    }

    /** Matomo's visitor id: 16 hexadecimal characters, here derived from the customer's id. */
    static String visitorId(String customerId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("kontor-visitor:" + customerId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String form(List<String[]> parameters) {
        return parameters.stream()
                .map(p -> URLEncoder.encode(p[0], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(p[1], StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
