package org.kontor.api.risk;

import java.util.List;

/**
 * A check's verdict on a subject: its reasons and the points they add up to.
 *
 * @param score   the sum of the reasons' points
 * @param reasons why, in the order found
 */
public record RiskAssessment(int score, List<RiskReason> reasons) {

    public RiskAssessment {
        reasons = List.copyOf(reasons);
        int sum = reasons.stream().mapToInt(RiskReason::points).sum();
        if (score != sum) {
            throw new IllegalArgumentException("score: " + score + " is not the sum of the reasons' points " + sum);
        }
    }

    public static RiskAssessment none() {
        return new RiskAssessment(0, List.of());
    }

    public static RiskAssessment of(List<RiskReason> reasons) {
        return new RiskAssessment(reasons.stream().mapToInt(RiskReason::points).sum(), reasons);
    }

    public static RiskAssessment of(RiskReason... reasons) {
        return of(List.of(reasons));
    }
}
