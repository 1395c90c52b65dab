package org.kontor.plugins.provisioning.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.kontor.api.PluginContext;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.provisioning.ChangePlan;
import org.kontor.api.provisioning.CreateService;
import org.kontor.api.provisioning.ProvisionedService;
import org.kontor.api.provisioning.Provisioner;
import org.kontor.api.provisioning.ServiceAction;
import org.pf4j.Extension;

/**
 * A provisioner that calls the third party's HTTP endpoint (see the plugin's README.md). Every call is a signed JSON
 * POST to {@code <base>/services/<action>} with the host's key as {@code Idempotency-Key}; {@link #status} answers from
 * a confirmation the third party posted back ({@link Confirmations}), else is a signed GET of
 * {@code <base>/operations/<key>}.
 *
 * <p>Answers: 200 or 201 is PROCESSED (for a create with the body's {@code reference} and {@code details}); 202 is
 * PENDING; any other 4xx but 408 and 429 is ERROR with the body's {@code code} and {@code message}; 408, 429, a 5xx, a
 * time-out or no connection is repeated within the call (same key) and UNDEFINED when no repeat got an answer.
 * Not configured yet is UNDEFINED too, so that the host asks again once the operator has set it up.
 */
@Extension
public class WebhookProvisioner implements Provisioner {

    public static final String PROVISIONER_ID = "provisioning-webhook";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PluginContext context;
    private final WebhookClient.Pause pause;

    public WebhookProvisioner(PluginContext context) {
        this(context, WebhookClient.Pause.sleeping());
    }

    WebhookProvisioner(PluginContext context, WebhookClient.Pause pause) {
        this.context = context;
        this.pause = pause;
    }

    @Override
    public String provisionerId() {
        return PROVISIONER_ID;
    }

    @Override
    public Outcome<ProvisionedService> create(CreateService request) {
        ObjectNode service = JSON.createObjectNode();
        service.put("id", request.serviceId());
        service.put("product", request.productId());
        service.put("plan", request.plan());
        service.put("domain", request.domain() == null ? null : request.domain().ascii());
        service.put("periodMonths", request.periodMonths());
        ObjectNode owner = service.putObject("owner");
        owner.put("customerId", request.owner().customerId());
        owner.put("name", request.owner().name());
        owner.put("email", request.owner().email());
        owner.put("language", request.owner().language());
        return call("create", request.key(), service);
    }

    @Override
    public Outcome<Void> suspend(ServiceAction request) {
        return withoutValue(call("suspend", request.key(), action(request)));
    }

    @Override
    public Outcome<Void> unsuspend(ServiceAction request) {
        return withoutValue(call("unsuspend", request.key(), action(request)));
    }

    @Override
    public Outcome<Void> terminate(ServiceAction request) {
        return withoutValue(call("terminate", request.key(), action(request)));
    }

    @Override
    public Outcome<Void> changePlan(ChangePlan request) {
        ObjectNode service = JSON.createObjectNode();
        service.put("id", request.serviceId());
        service.put("reference", request.remoteReference());
        service.put("fromPlan", request.fromPlan());
        service.put("toPlan", request.toPlan());
        return withoutValue(call("change-plan", request.key(), service));
    }

    @Override
    public Outcome<ProvisionedService> status(IdempotencyKey key) {
        java.util.Optional<Outcome<ProvisionedService>> confirmed = new Confirmations(context).find(key);
        if (confirmed.isPresent()) {
            return confirmed.get();
        }
        WebhookConfig config = WebhookConfig.of(context.settings());
        if (!config.configured()) {
            return Outcome.undefined("the webhook provisioner is not configured (endpoint address, signing secret)");
        }
        WebhookClient.Answer answer = client(config).get("operations/" + key.value(), key.value());
        if (answer.status() == 404) {
            return Outcome.canceled("the endpoint does not know the operation " + key.value());
        }
        if (answer.status() == 200) {
            JsonNode body = parse(answer.body());
            String status = body.path("status").asText("").toLowerCase(Locale.ROOT);
            return switch (status) {
                case "active", "done", "processed", "suspended", "terminated" -> Outcome.processed(service(body),
                        text(body, "reference"));
                case "pending" -> Outcome.pending(null, text(body, "reference"), text(body, "message"));
                case "failed", "error", "refused" -> Outcome.error(code(body, answer.status()),
                        message(body, "the endpoint refused the operation"));
                default -> Outcome.undefined("the endpoint answered an unknown status '" + status + "'");
            };
        }
        return outcome(answer);
    }

    private Outcome<ProvisionedService> call(String action, IdempotencyKey key, ObjectNode service) {
        WebhookConfig config = WebhookConfig.of(context.settings());
        if (!config.configured()) {
            return Outcome.undefined("the webhook provisioner is not configured (endpoint address, signing secret)");
        }
        ObjectNode request = JSON.createObjectNode();
        request.put("action", action);
        request.put("key", key.value());
        request.set("service", service);
        String body;
        try {
            body = JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        WebhookClient.Answer answer = client(config).post("services/" + action, key.value(), body);
        if (answer.worthRepeating()) {
            context.logger().warn("Provisioning {} {} got no answer after {} attempts: {}", action, key.value(),
                    answer.attempts(), answer.problem());
        }
        return outcome(answer);
    }

    private WebhookClient client(WebhookConfig config) {
        return new WebhookClient(context.httpClient(), config, context.clock(), pause);
    }

    private static Outcome<ProvisionedService> outcome(WebhookClient.Answer answer) {
        int status = answer.status();
        if (status == 200 || status == 201) {
            JsonNode body = parse(answer.body());
            return Outcome.processed(service(body), text(body, "reference"));
        }
        if (status == 202) {
            JsonNode body = parse(answer.body());
            return Outcome.pending(null, text(body, "reference"), message(body, "the endpoint confirms later"));
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            JsonNode body = parse(answer.body());
            return Outcome.error(code(body, status), message(body, "the endpoint refused: HTTP " + status));
        }
        if (answer.answered() && !answer.worthRepeating()) {
            return Outcome.undefined("the endpoint answered HTTP " + status + ", which this provisioner does not expect");
        }
        return Outcome.undefined("no answer after " + answer.attempts() + " attempts: " + answer.problem());
    }

    private static ProvisionedService service(JsonNode body) {
        Map<String, String> details = new LinkedHashMap<>();
        body.path("details").fields().forEachRemaining(field -> {
            if (field.getValue().isValueNode() && !field.getKey().toLowerCase(Locale.ROOT).contains("password")) {
                details.put(field.getKey(), field.getValue().asText());
            }
        });
        return new ProvisionedService(text(body, "reference"), details);
    }

    private static ObjectNode action(ServiceAction request) {
        ObjectNode service = JSON.createObjectNode();
        service.put("id", request.serviceId());
        service.put("reference", request.remoteReference());
        service.put("reason", request.reason());
        return service;
    }

    private static <T> Outcome<Void> withoutValue(Outcome<T> outcome) {
        return new Outcome<>(outcome.status(), null, outcome.code(), outcome.message(), outcome.reference());
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node == null || !node.isObject() ? JSON.createObjectNode() : node;
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String code(JsonNode body, int status) {
        String code = text(body, "code");
        return code == null || code.isBlank() ? "http-" + status : code;
    }

    private static String message(JsonNode body, String fallback) {
        String message = text(body, "message");
        return message == null || message.isBlank() ? fallback : message;
    }
}
