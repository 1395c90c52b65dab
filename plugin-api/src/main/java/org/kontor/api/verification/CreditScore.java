package org.kontor.api.verification;

import java.util.Objects;

/**
 * A bureau's answer, brought to one scale.
 *
 * @param score       0 (will not pay) to 100 (certain to pay)
 * @param rating      the bureau's class, brought to three
 * @param bureau      the provider id that answered
 * @param explanation the bureau's own words or code, for the person reviewing
 */
public record CreditScore(int score, Rating rating, String bureau, String explanation) {

    /** The bureau's class. */
    public enum Rating {
        LOW_RISK, MEDIUM_RISK, HIGH_RISK
    }

    public CreditScore {
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(bureau, "bureau");
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score: must be 0 to 100, was " + score);
        }
    }
}
