package org.kontor.host.verification;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.verification.BankAccountVerdict;
import org.kontor.host.customers.FieldError;
import org.kontor.host.customers.InvalidInputException;
import org.kontor.host.customers.RefundAccountDetails;

/**
 * The optional refund bank account of a customer's master data (PAY-5), checked by every running bank account
 * verifier before it is saved.
 */
public final class RefundAccounts implements RefundAccountDetails {

    static final int MAX_HOLDER = 200;
    /** The problem codes the theme has messages for ({@code form.error.<code>}); a plugin's other codes are shown as one. */
    private static final java.util.Set<String> KNOWN_CODES = java.util.Set.of("iban-required", "iban-invalid",
            "iban-check-digits", "iban-country", "bic-invalid", "bic-country", "bank-account-invalid");

    private final Jdbi jdbi;
    private final Clock clock;
    private final BankAccountChecks checks;

    public RefundAccounts(Jdbi jdbi, Clock clock, BankAccountChecks checks) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.checks = checks;
    }

    public Optional<RefundAccount> find(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT customer_id, iban, bic, holder, updated_at "
                        + "FROM customer_refund_account WHERE customer_id = :customer")
                .bind("customer", customerId)
                .map((rs, ctx) -> new RefundAccount(rs.getString("customer_id"), rs.getString("iban"),
                        rs.getString("bic"), rs.getString("holder"), java.time.Instant.ofEpochMilli(rs.getLong("updated_at"))))
                .findOne());
    }

    /**
     * @see #store
     */
    @Override
    public void save(String customerId, String iban, String bic, String holder) {
        store(customerId, iban, bic, holder);
    }

    @Override
    public Map<String, String> current(String customerId) {
        Optional<RefundAccount> account = find(customerId);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("refundIban", account.map(RefundAccount::iban).orElse(""));
        form.put("refundBic", account.map(RefundAccount::bic).filter(bic -> bic != null).orElse(""));
        form.put("refundHolder", account.map(RefundAccount::holder).orElse(""));
        return form;
    }

    /**
     * Checks the account, answering the refusals without saving: {@code refundIban} (iban-required, iban-invalid,
     * iban-check-digits, iban-country, or a plugin's code), {@code refundBic} (bic-invalid, bic-country),
     * {@code refundHolder} (required, too-long).
     */
    @Override
    public Map<String, FieldError> problems(String iban, String bic, String holder) {
        return problems(checks.check(iban, bic), holder);
    }

    private static Map<String, FieldError> problems(BankAccountVerdict verdict, String holder) {
        Map<String, FieldError> errors = new LinkedHashMap<>();
        String name = holder == null ? "" : holder.strip();
        if (name.isEmpty()) {
            errors.put("refundHolder", FieldError.of("required", "is required"));
        } else if (name.length() > MAX_HOLDER) {
            errors.put("refundHolder", FieldError.of("too-long", Integer.toString(MAX_HOLDER),
                    "is too long (at most " + MAX_HOLDER + " characters)"));
        }
        for (String problem : verdict.problems()) {
            String code = BankAccountChecks.code(problem);
            code = KNOWN_CODES.contains(code) ? code : "bank-account-invalid";
            String field = code.startsWith("bic") ? "refundBic" : "refundIban";
            String text = problem.contains(":") ? problem.substring(problem.indexOf(':') + 1).strip() : problem;
            errors.putIfAbsent(field, FieldError.of(code, text));
        }
        return errors;
    }

    /**
     * Saves the account; all three fields empty removes it.
     *
     * @throws InvalidInputException as {@link #problems} names them; nothing is saved then
     */
    public Optional<RefundAccount> store(String customerId, String iban, String bic, String holder) {
        if (blank(iban) && blank(bic) && blank(holder)) {
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM customer_refund_account WHERE customer_id = :customer")
                    .bind("customer", customerId).execute());
            return Optional.empty();
        }
        BankAccountVerdict verdict = checks.check(iban, bic);
        Map<String, FieldError> errors = problems(verdict, holder);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String electronic = verdict.iban() != null ? verdict.iban()
                : iban.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
        String givenBic = blank(bic) ? null : verdict.bic() != null ? verdict.bic()
                : bic.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
        RefundAccount account = new RefundAccount(customerId, electronic, givenBic, holder.strip(), clock.instant());
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM customer_refund_account WHERE customer_id = :customer")
                    .bind("customer", customerId).execute();
            h.createUpdate("INSERT INTO customer_refund_account (customer_id, iban, bic, holder, updated_at) "
                            + "VALUES (:customer, :iban, :bic, :holder, :at)")
                    .bind("customer", customerId).bind("iban", account.iban()).bind("bic", account.bic())
                    .bind("holder", account.holder()).bind("at", account.updatedAt().toEpochMilli()).execute();
        });
        return Optional.of(account);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
