package org.kontor.host.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.kontor.api.money.Money;

/**
 * An RFC 9457 problem detail, the body of every API error ({@code application/problem+json}).
 *
 * @param type   a URI naming the kind of problem, e.g. {@code https://kontor.dev/problems/validation}
 * @param errors  for validation problems: field name → message
 * @param missing for a refusal for lack of funds: the amount missing
 * @param reason  for a refused domain name: the stable reason code, e.g. {@code LEADING_HYPHEN}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      Map<String, String> errors, Map<String, String> missing, String reason) {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://kontor.dev/problems/";

    public static Problem of(int status, String kind, String title, String detail) {
        return new Problem(TYPE_BASE + kind, title, status, detail, null, null, null, null);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, missing, reason);
    }

    public Problem withErrors(Map<String, String> fieldErrors) {
        return new Problem(type, title, status, detail, instance, Map.copyOf(fieldErrors), missing, reason);
    }

    /** For a refusal for lack of funds: how much is missing, as {@code {"amount":"250.00","currency":"CZK"}}. */
    public Problem withMissing(Money amount) {
        return new Problem(type, title, status, detail, instance, errors,
                Map.of("amount", amount.amount().toPlainString(), "currency", amount.currencyCode()), reason);
    }

    /** For a refused domain name: why, as a stable code ({@code InvalidDomainNameException.Reason}). */
    public Problem withReason(String code) {
        return new Problem(type, title, status, detail, instance, errors, missing, code);
    }
}
