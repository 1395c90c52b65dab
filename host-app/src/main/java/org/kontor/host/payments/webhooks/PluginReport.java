package org.kontor.host.payments.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentNotification;

/** Notifications a gateway plugin reported itself, as they are kept in the inbox (a JSON object). */
record PluginReport(String gatewayId, List<PaymentNotification> notifications) {

    private static final ObjectMapper JSON = new ObjectMapper();

    PluginReport {
        notifications = List.copyOf(notifications);
    }

    byte[] write() {
        ObjectNode root = JSON.createObjectNode().put("gateway", gatewayId);
        ArrayNode list = root.putArray("notifications");
        for (PaymentNotification n : notifications) {
            ObjectNode item = list.addObject().put("id", n.notificationId()).put("reference", n.gatewayReference())
                    .put("status", n.status().name()).put("kind", n.kind().name()).put("reason", n.reason())
                    .put("cardFingerprint", n.cardFingerprint());
            if (n.amount() != null) {
                item.put("amountMinor", n.amount().toMinorUnits()).put("currency", n.amount().currencyCode());
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalArgumentException when the body is no report */
    static PluginReport read(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            List<PaymentNotification> notifications = new ArrayList<>();
            for (JsonNode item : root.path("notifications")) {
                Money amount = item.hasNonNull("amountMinor")
                        ? Money.ofMinor(item.get("amountMinor").asLong(), Currency.getInstance(item.get("currency").asText()))
                        : null;
                notifications.add(new PaymentNotification(item.get("id").asText(), item.get("reference").asText(),
                        OutcomeStatus.valueOf(item.get("status").asText()), amount,
                        PaymentNotification.Kind.valueOf(item.get("kind").asText()),
                        item.hasNonNull("reason") ? item.get("reason").asText() : null,
                        item.hasNonNull("cardFingerprint") ? item.get("cardFingerprint").asText() : null));
            }
            return new PluginReport(root.get("gateway").asText(), notifications);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a report of notifications: " + e.getMessage(), e);
        }
    }
}
