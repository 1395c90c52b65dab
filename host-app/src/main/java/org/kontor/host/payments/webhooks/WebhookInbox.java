package org.kontor.host.payments.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code webhook_inbox} and {@code webhook_event} tables. */
public final class WebhookInbox {

    private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() { };

    private final Jdbi jdbi;
    private final ObjectMapper json;
    private final Clock clock;

    public WebhookInbox(Jdbi jdbi, ObjectMapper json, Clock clock) {
        this.jdbi = jdbi;
        this.json = json;
        this.clock = clock;
    }

    /** Stores a request as it arrived and commits; the stored row. */
    public InboxEntry receive(String gateway, byte[] body, Map<String, List<String>> headers, String remoteAddress) {
        return store(gateway, body, headers, remoteAddress, InboxOrigin.PROVIDER);
    }

    /** Stores a gateway plugin's own report (see {@link PluginReport}) and commits; the stored row. */
    InboxEntry report(String pluginId, byte[] report) {
        return store(pluginId, report, Map.of(), null, InboxOrigin.PLUGIN);
    }

    private InboxEntry store(String gateway, byte[] body, Map<String, List<String>> headers, String remoteAddress,
                             InboxOrigin origin) {
        String id = UUID.randomUUID().toString();
        long now = clock.millis();
        String text;
        String encoding = "UTF-8";
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            text = Base64.getEncoder().encodeToString(body);
            encoding = "BASE64";
        }
        String headerJson;
        try {
            headerJson = json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String storedBody = text;
        String storedEncoding = encoding;
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO webhook_inbox (id, gateway, received_at, body, body_encoding, "
                        + "headers, remote_address, state, origin) VALUES (:id, :gateway, :at, :body, :encoding, :headers, "
                        + ":remote, 'RECEIVED', :origin)")
                .bind("id", id).bind("gateway", gateway).bind("at", now).bind("body", storedBody)
                .bind("encoding", storedEncoding).bind("headers", headerJson).bind("remote", remoteAddress).bind("origin", origin.name()).execute());
        return new InboxEntry(id, gateway, Instant.ofEpochMilli(now), body.clone(), headers, remoteAddress,
                InboxState.RECEIVED, null, 0, null, origin);
    }

    public Optional<InboxEntry> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM webhook_inbox WHERE id = :id").bind("id", id)
                .map(this::map).findOne());
    }

    /** Marks a row's end state after a try; the error is null when it was processed. */
    public void finish(String id, InboxState state, String error) {
        jdbi.useHandle(h -> finish(h, id, state, error));
    }

    /** {@link #finish(String, InboxState, String)} in the caller's transaction. */
    void finish(Handle h, String id, InboxState state, String error) {
        h.createUpdate("UPDATE webhook_inbox SET state = :state, error = :error, "
                        + "attempts = attempts + 1, processed_at = :at WHERE id = :id")
                .bind("state", state.name()).bind("error", error == null ? null : truncate(error))
                .bind("at", clock.millis()).bind("id", id).execute();
    }

    /**
     * Records that a provider's event was handled, in the caller's transaction.
     *
     * @return false when the event was recorded before (a redelivery or a concurrent duplicate)
     */
    boolean recordEvent(Handle h, String gateway, String eventId, String inboxId, String paymentId, String status,
                        String result) {
        return h.createUpdate("INSERT INTO webhook_event (gateway, event_id, inbox_id, payment_id, status, result, "
                        + "recorded_at) VALUES (:gateway, :event, :inbox, :payment, :status, :result, :at) "
                        + "ON CONFLICT (gateway, event_id) DO NOTHING")
                .bind("gateway", gateway).bind("event", eventId).bind("inbox", inboxId).bind("payment", paymentId)
                .bind("status", status).bind("result", result).bind("at", clock.millis()).execute() == 1;
    }

    /** Marks a recorded event as deliberately ignored (the payment had settled before), in the caller's transaction. */
    void markIgnored(Handle h, String gateway, String eventId) {
        h.createUpdate("UPDATE webhook_event SET result = 'IGNORED' WHERE gateway = :gateway AND event_id = :event")
                .bind("gateway", gateway).bind("event", eventId).execute();
    }

    /** Rows in a state, newest first. */
    public List<InboxEntry> inState(InboxState state, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM webhook_inbox WHERE state = :state "
                        + "ORDER BY received_at DESC LIMIT :limit")
                .bind("state", state.name()).bind("limit", limit).map(this::map).list());
    }

    /** FAILED rows received after {@code since} and tried fewer than {@code maxAttempts} times, oldest first. */
    public List<String> retryable(Instant since, int maxAttempts, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM webhook_inbox WHERE state = 'FAILED' "
                        + "AND received_at >= :since AND attempts < :max ORDER BY received_at LIMIT :limit")
                .bind("since", since.toEpochMilli()).bind("max", maxAttempts).bind("limit", limit)
                .mapTo(String.class).list());
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    private InboxEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
        String body = rs.getString("body");
        byte[] bytes = "BASE64".equals(rs.getString("body_encoding")) ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers;
        try {
            headers = json.readValue(rs.getString("headers"), HEADERS);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable headers of webhook " + rs.getString("id"), e);
        }
        long processed = rs.getLong("processed_at");
        Instant processedAt = rs.wasNull() ? null : Instant.ofEpochMilli(processed);
        return new InboxEntry(rs.getString("id"), rs.getString("gateway"), Instant.ofEpochMilli(rs.getLong("received_at")),
                bytes, headers, rs.getString("remote_address"), InboxState.valueOf(rs.getString("state")),
                rs.getString("error"), rs.getInt("attempts"), processedAt, InboxOrigin.valueOf(rs.getString("origin")));
    }

    private static String truncate(String text) {
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
