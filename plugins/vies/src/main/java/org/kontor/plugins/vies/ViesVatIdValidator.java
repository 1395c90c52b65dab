package org.kontor.plugins.vies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.kontor.api.PluginContext;
import org.kontor.api.settings.Settings;
import org.kontor.api.tax.VatIdCheck;
import org.kontor.api.tax.VatIdValidator;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * Asks the EU's VIES REST API ({@code POST <base>/check-vat-number}) whether a VAT id is valid. VIES answers
 * {@code valid}, the holder's {@code name} and {@code address} where the member state discloses them ({@code ---}
 * otherwise) and a {@code requestIdentifier} when the requester's own VAT id is sent. A member state that is down
 * ({@code MS_UNAVAILABLE}, {@code TIMEOUT}, too many requests), a 5xx, an unreadable answer or no answer within the time
 * limit is {@link VatIdCheck#unavailable}; {@code INVALID_INPUT} is invalid. It never throws.
 */
@Extension
public class ViesVatIdValidator implements VatIdValidator {

    public static final String VALIDATOR_ID = "vies";

    /** VIES errors that say "ask again later" rather than anything about the number. */
    private static final Set<String> UNAVAILABLE = Set.of("MS_UNAVAILABLE", "TIMEOUT", "SERVICE_UNAVAILABLE",
            "MS_MAX_CONCURRENT_REQ", "GLOBAL_MAX_CONCURRENT_REQ", "SERVER_BUSY", "IP_BLOCKED",
            "MS_MAX_CONCURRENT_REQ_TIME", "GLOBAL_MAX_CONCURRENT_REQ_TIME", "VAT_BLOCKED");

    private final HttpClient http;
    private final Settings settings;
    private final Clock clock;
    private final Logger log;
    private final ObjectMapper json = new ObjectMapper();

    public ViesVatIdValidator(PluginContext context) {
        this(context.httpClient(), context.settings(), context.clock(), context.logger());
    }

    public ViesVatIdValidator(HttpClient http, Settings settings, Clock clock, Logger log) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
        this.log = log;
    }

    @Override
    public String validatorId() {
        return VALIDATOR_ID;
    }

    @Override
    public VatIdCheck validate(String countryCode, String vatId) {
        String country = viesCountry(countryCode);
        String number = number(country, vatId);
        String checked = (country == null ? "" : country) + number;
        try {
            if (country == null || number.isEmpty()) {
                return VatIdCheck.invalid(checked, clock.instant());
            }
            return ask(country, number, checked);
        } catch (RuntimeException e) {
            log.warn("VIES check of {} failed: {}", checked, e.toString());
            return VatIdCheck.unavailable(checked, clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return VatIdCheck.unavailable(checked, clock.instant());
        }
    }

    private VatIdCheck ask(String country, String number, String checked) throws InterruptedException {
        ObjectNode body = json.createObjectNode().put("countryCode", country).put("vatNumber", number);
        requester().ifPresent(requester -> body.put("requesterMemberStateCode", requester[0])
                .put("requesterNumber", requester[1]));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/check-vat-number"))
                .timeout(timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) { // includes HttpTimeoutException
            log.warn("VIES did not answer the check of {}: {}", checked, e.toString());
            return VatIdCheck.unavailable(checked, clock.instant());
        }
        JsonNode answer = parse(response.body());
        Optional<String> error = error(answer);
        if (error.isPresent() && "INVALID_INPUT".equals(error.get())) {
            return VatIdCheck.invalid(checked, clock.instant());
        }
        if (response.statusCode() >= 300 || error.isPresent() && !"VALID".equals(error.get())
                && !"INVALID".equals(error.get()) || !answer.path("valid").isBoolean()) {
            log.warn("VIES could not check {}: HTTP {}, {}", checked, response.statusCode(), error.orElse("no answer"));
            return VatIdCheck.unavailable(checked, clock.instant());
        }
        if (!answer.get("valid").booleanValue()) {
            return VatIdCheck.invalid(checked, clock.instant());
        }
        return new VatIdCheck(org.kontor.api.tax.VatIdStatus.VALID, checked, disclosed(answer.path("name")),
                disclosed(answer.path("address")), disclosed(answer.path("requestIdentifier")), clock.instant());
    }

    /** VIES's error code: {@code userError}, or the first of {@code errorWrappers}. */
    private static Optional<String> error(JsonNode answer) {
        JsonNode wrappers = answer.path("errorWrappers");
        if (wrappers.isArray() && !wrappers.isEmpty()) {
            return Optional.of(wrappers.get(0).path("error").asText("UNKNOWN"));
        }
        String userError = answer.path("userError").asText("");
        return userError.isEmpty() ? Optional.empty() : Optional.of(userError);
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body == null || body.isBlank() ? "{}" : body);
            return node == null ? json.createObjectNode() : node;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /** The text, or null where VIES withholds it ({@code ---}) or leaves it empty. */
    private static String disclosed(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() || text.matches("-+") ? null : text;
    }

    private String baseUrl() {
        String base = settings.get(ViesSettings.BASE_URL).filter(url -> !url.isBlank())
                .orElse(ViesSettings.DEFAULT_BASE_URL).strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private Duration timeout() {
        try {
            return Duration.ofSeconds(settings.get(ViesSettings.TIMEOUT_SECONDS).map(String::strip)
                    .map(Integer::parseInt).filter(seconds -> seconds > 0).orElse(ViesSettings.DEFAULT_TIMEOUT_SECONDS));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(ViesSettings.DEFAULT_TIMEOUT_SECONDS);
        }
    }

    private Optional<String[]> requester() {
        return settings.get(ViesSettings.REQUESTER_VAT_ID).map(id -> id.replaceAll("[\\s.\\-]", "")
                        .toUpperCase(Locale.ROOT))
                .filter(id -> id.matches("[A-Z]{2}[0-9A-Z+*]{2,12}"))
                .map(id -> new String[] {id.substring(0, 2), id.substring(2)});
    }

    /** VIES names Greece EL; null when the code is not two letters. */
    static String viesCountry(String countryCode) {
        if (countryCode == null || !countryCode.strip().matches("[A-Za-z]{2}")) {
            return null;
        }
        String code = countryCode.strip().toUpperCase(Locale.ROOT);
        return "GR".equals(code) ? "EL" : code;
    }

    /** The number without spaces, dots, dashes and its country prefix. */
    static String number(String viesCountry, String vatId) {
        String number = vatId == null ? "" : vatId.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
        if (viesCountry != null && number.startsWith(viesCountry)) {
            number = number.substring(2);
        } else if ("EL".equals(viesCountry) && number.startsWith("GR")) {
            number = number.substring(2);
        }
        return number;
    }
}
