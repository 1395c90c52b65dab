package org.kontor.host.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.contact.PostalAddress;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.risk.RiskAssessment;
import org.kontor.api.risk.RiskCheck;
import org.kontor.api.risk.RiskReason;
import org.kontor.api.risk.RiskSubject;
import org.kontor.api.verification.CreditScore;
import org.kontor.api.verification.CreditScoreProvider;
import org.kontor.api.verification.CreditScoreRequest;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's risk check {@value #ID} (PAY-6): for a subject paying afterwards (a payment method named in
 * {@code risk.credit-score.methods}) and a total from {@code risk.credit-score.from}, the first running
 * {@link CreditScoreProvider} that is {@linkplain CreditScoreProvider#available() available} is asked about the customer with their name, company and address; its answer is kept
 * per customer and bureau for {@code risk.credit-score.cache-days}. The rating gives the configured points with a
 * reason naming the bureau's score and words. A bureau that cannot be asked gives a reason without points and is asked
 * again next time; with no provider running the check gives nothing.
 *
 * <p>Reason codes: {@code credit-score.high-risk}, {@code credit-score.medium-risk}, {@code credit-score.low-risk},
 * {@code credit-score.unknown} (the bureau does not know the customer), {@code credit-score.unreachable},
 * {@code credit-score.no-address} (the customer has given no address to ask with).
 */
public final class CreditScoreCheck implements RiskCheck {

    public static final String ID = "credit-score";
    private static final Logger log = LoggerFactory.getLogger(CreditScoreCheck.class);

    /** Whom the bureau is asked about: the account's name and company and a postal address of theirs. */
    public record Applicant(String name, String organisation, PostalAddress address) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Extensions extensions;
    private final Function<String, Optional<Applicant>> applicants;
    private final Supplier<CreditScoreSettings> settings;

    /** @param applicants the customer's name, company and address, by customer id; empty when they gave no address */
    public CreditScoreCheck(Jdbi jdbi, Clock clock, Extensions extensions,
                            Function<String, Optional<Applicant>> applicants, Supplier<CreditScoreSettings> settings) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.extensions = extensions;
        this.applicants = applicants;
        this.settings = settings;
    }

    @Override
    public String checkId() {
        return ID;
    }

    @Override
    public RiskAssessment assess(RiskSubject subject) {
        CreditScoreSettings rules = settings.get();
        String method = subject.paymentMethod() == null ? "" : subject.paymentMethod().toLowerCase(Locale.ROOT);
        if (!rules.methods().contains(method)) {
            return RiskAssessment.none();
        }
        if (rules.from().isPresent() && rules.from().get().currencyCode().equals(subject.amount().currencyCode())
                && subject.amount().isLessThan(rules.from().get())) {
            return RiskAssessment.none();
        }
        Optional<Contribution<CreditScoreProvider>> provider = extensions.of(CreditScoreProvider.class).stream()
                .filter(CreditScoreCheck::available).findFirst();
        if (provider.isEmpty()) {
            return RiskAssessment.none();
        }
        String bureau = provider.get().extension().providerId();
        Instant now = clock.instant();
        Optional<Cached> cached = cached(subject.customerId(), bureau, now.minus(Duration.ofDays(rules.cacheDays())));
        if (cached.isPresent()) {
            return RiskAssessment.of(reason(cached.get(), rules));
        }
        Optional<Applicant> applicant = applicants.apply(subject.customerId());
        if (applicant.isEmpty()) {
            return RiskAssessment.of(new RiskReason("credit-score.no-address", 0, "No credit score: the customer has "
                    + "given no postal address the bureau " + bureau + " could be asked with."));
        }
        CreditScoreRequest request = new CreditScoreRequest(key(subject.customerId(), bureau, now),
                subject.customerId(), applicant.get().name(), applicant.get().organisation(), applicant.get().address(),
                null);
        Outcome<CreditScore> outcome;
        try {
            outcome = provider.get().extension().score(request);
        } catch (RuntimeException e) {
            log.warn("Credit bureau {} of plugin {} failed", bureau, provider.get().pluginId(), e);
            outcome = Outcome.undefined(e.getClass().getSimpleName());
        }
        if (outcome != null && outcome.status() == OutcomeStatus.PROCESSED && outcome.value() != null) {
            CreditScore score = outcome.value();
            Cached answer = new Cached(bureau, score.score(), score.rating().name(), score.explanation());
            store(subject.customerId(), answer, now);
            return RiskAssessment.of(reason(answer, rules));
        }
        if (outcome != null && outcome.status() == OutcomeStatus.ERROR) {
            String words = outcome.message() != null ? outcome.message() : outcome.code();
            Cached answer = new Cached(bureau, null, "ERROR", words);
            store(subject.customerId(), answer, now);
            return RiskAssessment.of(reason(answer, rules));
        }
        String why = outcome == null ? "no answer" : outcome.message() == null ? outcome.status().name() : outcome.message();
        return RiskAssessment.of(new RiskReason("credit-score.unreachable", 0,
                "The credit bureau " + bureau + " could not be asked (" + why + "); it is asked again next time."));
    }

    // ---------------------------------------------------------------- internals

    private static boolean available(Contribution<CreditScoreProvider> contribution) {
        try {
            return contribution.extension().available();
        } catch (RuntimeException e) {
            log.warn("Credit bureau of plugin {} could not say whether it is available", contribution.pluginId(), e);
            return false;
        }
    }

    /** A bureau's answer: rating LOW_RISK, MEDIUM_RISK, HIGH_RISK, or ERROR (score null) for an unknown customer. */
    private record Cached(String bureau, Integer score, String rating, String explanation) {
    }

    private static RiskReason reason(Cached answer, CreditScoreSettings rules) {
        String words = answer.explanation() == null || answer.explanation().isBlank() ? "" : ": " + answer.explanation();
        return switch (answer.rating()) {
            case "HIGH_RISK" -> new RiskReason("credit-score.high-risk", rules.highRiskPoints(),
                    "Credit score " + answer.score() + "/100 from " + answer.bureau() + ", high risk" + words);
            case "MEDIUM_RISK" -> new RiskReason("credit-score.medium-risk", rules.mediumRiskPoints(),
                    "Credit score " + answer.score() + "/100 from " + answer.bureau() + ", medium risk" + words);
            case "LOW_RISK" -> new RiskReason("credit-score.low-risk", rules.lowRiskPoints(),
                    "Credit score " + answer.score() + "/100 from " + answer.bureau() + ", low risk" + words);
            default -> new RiskReason("credit-score.unknown", rules.unknownPoints(),
                    "The credit bureau " + answer.bureau() + " does not know the customer" + words);
        };
    }

    private Optional<Cached> cached(String customerId, String bureau, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("SELECT provider_id, score, rating, explanation FROM credit_score "
                        + "WHERE customer_id = :customer AND provider_id = :provider AND asked_at > :since")
                .bind("customer", customerId).bind("provider", bureau).bind("since", since.toEpochMilli())
                .map((rs, ctx) -> {
                    int score = rs.getInt("score");
                    Integer value = rs.wasNull() ? null : score;
                    return new Cached(rs.getString("provider_id"), value, rs.getString("rating"),
                            rs.getString("explanation"));
                }).findOne());
    }

    private void store(String customerId, Cached answer, Instant at) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM credit_score WHERE customer_id = :customer AND provider_id = :provider")
                    .bind("customer", customerId).bind("provider", answer.bureau()).execute();
            h.createUpdate("INSERT INTO credit_score (customer_id, provider_id, score, rating, explanation, asked_at) "
                            + "VALUES (:customer, :provider, :score, :rating, :explanation, :at)")
                    .bind("customer", customerId).bind("provider", answer.bureau()).bind("score", answer.score())
                    .bind("rating", answer.rating()).bind("explanation", answer.explanation())
                    .bind("at", at.toEpochMilli()).execute();
        });
    }

    /** One key per customer, bureau and day: asking again the same day is the same enquiry. */
    private static IdempotencyKey key(String customerId, String bureau, Instant at) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((customerId + "\n" + bureau + "\n"
                    + at.getEpochSecond() / 86_400).getBytes(StandardCharsets.UTF_8));
            return IdempotencyKey.derive("credit-score", HexFormat.of().formatHex(digest, 0, 20));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** The applicant from a customer's account and their holder contacts: one in the account's country first. */
    public static Optional<Applicant> applicant(String name, String company, String country,
                                                List<PostalAddress> addresses) {
        return addresses.stream().filter(address -> address.countryCode().equals(country)).findFirst()
                .or(() -> addresses.stream().findFirst())
                .map(address -> new Applicant(name, company, address));
    }
}
