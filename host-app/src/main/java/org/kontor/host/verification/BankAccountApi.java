package org.kontor.host.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.api.verification.BankAccountVerdict;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.customers.InvalidInputException;
import org.kontor.host.web.ProblemException;
import org.kontor.host.web.RequestBodies;

/**
 * Bank data (PAY-5), documented in {@code openapi/host/verification.json}: {@code POST /api/v1/verification/bank-account}
 * answers every running verifier's verdict on an IBAN and BIC (for forms that check as the user types), and
 * {@code GET|PUT|DELETE /api/v1/customers/me/refund-account} is the customer's refund bank account.
 */
public final class BankAccountApi {

    static final String VERDICT_PATH = "/api/v1/verification/bank-account";
    static final String REFUND_PATH = "/api/v1/customers/me/refund-account";
    private static final Access[] HOLDERS = {Access.CUSTOMER, Access.RESELLER};

    private final BankAccountChecks checks;
    private final RefundAccounts refundAccounts;
    private final ObjectMapper json;

    public BankAccountApi(BankAccountChecks checks, RefundAccounts refundAccounts, ObjectMapper json) {
        this.checks = checks;
        this.refundAccounts = refundAccounts;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.post(VERDICT_PATH, this::verdict, Access.CUSTOMER, Access.RESELLER, Access.ADMIN);
        routes.get(REFUND_PATH, ctx -> ctx.json(view(refundAccounts.find(customer(ctx)).orElseThrow(() ->
                ProblemException.notFound("You have given no refund bank account.")))), HOLDERS);
        routes.put(REFUND_PATH, this::saveRefundAccount, HOLDERS);
        routes.delete(REFUND_PATH, ctx -> {
            refundAccounts.store(customer(ctx), null, null, null);
            ctx.status(204);
        }, HOLDERS);
    }

    private void verdict(Context ctx) {
        JsonNode body = RequestBodies.object(json, ctx);
        String iban = text(body, "iban");
        if (iban == null || iban.isBlank()) {
            throw ProblemException.validation("The IBAN is missing.", Map.of("iban", "is required"));
        }
        BankAccountVerdict verdict = checks.check(iban, text(body, "bic"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("valid", verdict.valid());
        view.put("iban", verdict.iban());
        view.put("bic", verdict.bic());
        view.put("country", verdict.country());
        view.put("problems", verdict.problems().stream().map(problem -> Map.of("code", BankAccountChecks.code(problem),
                "message", problem.contains(":") ? problem.substring(problem.indexOf(':') + 1).strip() : problem))
                .toList());
        ctx.json(view);
    }

    private void saveRefundAccount(Context ctx) {
        JsonNode body = RequestBodies.object(json, ctx);
        String iban = text(body, "iban");
        if (iban == null || iban.isBlank()) {
            throw ProblemException.validation("The refund account was not saved.", Map.of("iban", "required: is required"));
        }
        try {
            RefundAccount saved = refundAccounts.store(customer(ctx), iban, text(body, "bic"), text(body, "holder"))
                    .orElseThrow();
            ctx.json(view(saved));
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach((field, error) -> errors.put(switch (field) {
                case "refundIban" -> "iban";
                case "refundBic" -> "bic";
                default -> "holder";
            }, error.code() + ": " + error.message()));
            throw ProblemException.validation("The refund account was not saved.", errors);
        }
    }

    static Map<String, Object> view(RefundAccount account) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("iban", account.iban());
        view.put("bic", account.bic());
        view.put("holder", account.holder());
        view.put("updatedAt", account.updatedAt().toString());
        return view;
    }

    private static String customer(Context ctx) {
        return Caller.require(ctx).subject();
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }
}
