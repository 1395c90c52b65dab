package org.kontor.plugins.provisioning.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kontor.api.PluginContext;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.provisioning.ProvisionedService;

/**
 * Confirmations the third party sends back for operations it accepted (202): a signed POST of
 * {@code {"key": "…", "status": "active" | "failed", "reference", "details", "code", "message"}}. A final one is kept per
 * key, and {@link WebhookProvisioner#status} answers from it without asking the endpoint. The signature is the same as
 * on Kontor's requests, with a timestamp at most five minutes from the host's clock.
 */
public final class Confirmations {

    /** How far a confirmation's timestamp may be from the host's clock. */
    static final long TOLERANCE_SECONDS = 300;

    private static final Pattern HEADER = Pattern.compile("t=(\\d{1,12}),v1=([0-9a-f]{64})");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What became of a posted confirmation. */
    public enum Result {
        RECORDED, IGNORED, BAD_SIGNATURE, BAD_REQUEST, NOT_CONFIGURED
    }

    private final PluginContext context;

    public Confirmations(PluginContext context) {
        this.context = context;
    }

    /** Verifies and records a confirmation; a repeated one changes nothing. */
    public Result accept(String signature, String body) {
        WebhookConfig config = WebhookConfig.of(context.settings());
        if (config.secret().isEmpty()) {
            return Result.NOT_CONFIGURED;
        }
        Matcher header = HEADER.matcher(signature == null ? "" : signature.strip());
        if (!header.matches()) {
            return Result.BAD_SIGNATURE;
        }
        long timestamp = Long.parseLong(header.group(1));
        if (Math.abs(context.clock().instant().getEpochSecond() - timestamp) > TOLERANCE_SECONDS) {
            return Result.BAD_SIGNATURE;
        }
        String expected = WebhookSignature.hmac(config.secret().get(), timestamp + "." + body);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                header.group(2).getBytes(StandardCharsets.US_ASCII))) {
            return Result.BAD_SIGNATURE;
        }
        JsonNode confirmation;
        IdempotencyKey key;
        try {
            confirmation = JSON.readTree(body);
            key = IdempotencyKey.of(confirmation.path("key").asText(""));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Result.BAD_REQUEST;
        }
        String status = switch (confirmation.path("status").asText("").toLowerCase(Locale.ROOT)) {
            case "active", "done", "processed", "suspended", "terminated" -> "PROCESSED";
            case "failed", "error", "refused" -> "ERROR";
            default -> null;
        };
        if (status == null) {
            return Result.IGNORED;
        }
        Map<String, String> details = new LinkedHashMap<>();
        confirmation.path("details").fields().forEachRemaining(field -> {
            if (field.getValue().isValueNode() && !field.getKey().toLowerCase(Locale.ROOT).contains("password")) {
                details.put(field.getKey(), field.getValue().asText());
            }
        });
        String detailsJson;
        try {
            detailsJson = JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int inserted = context.jdbi().withHandle(h -> h.createUpdate("INSERT INTO " + table() + " (op_key, status, "
                        + "reference, details, code, message, received_at) VALUES (:key, :status, :reference, :details, "
                        + ":code, :message, :now) ON CONFLICT (op_key) DO NOTHING")
                .bind("key", key.value()).bind("status", status).bind("reference", text(confirmation, "reference"))
                .bind("details", detailsJson).bind("code", text(confirmation, "code"))
                .bind("message", text(confirmation, "message")).bind("now", context.clock().millis()).execute());
        context.logger().info("Confirmation for {}: {}{}", key.value(), status, inserted == 0 ? " (repeated)" : "");
        return Result.RECORDED;
    }

    /** The recorded confirmation of an operation, as an outcome. */
    public Optional<Outcome<ProvisionedService>> find(IdempotencyKey key) {
        return context.jdbi().withHandle(h -> h.createQuery("SELECT status, reference, details, code, message FROM "
                        + table() + " WHERE op_key = :key").bind("key", key.value())
                .map((rs, ctx) -> {
                    if ("ERROR".equals(rs.getString("status"))) {
                        String code = rs.getString("code");
                        String message = rs.getString("message");
                        return Outcome.<ProvisionedService>error(code == null ? "refused" : code,
                                message == null ? "the provider refused the operation" : message);
                    }
                    String reference = rs.getString("reference");
                    return Outcome.processed(new ProvisionedService(reference, details(rs.getString("details"))),
                            reference);
                }).findOne());
    }

    private String table() {
        return context.tablePrefix() + "confirmation";
    }

    private static Map<String, String> details(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
