package org.kontor.plugins.riskbasic;

import java.util.ArrayList;
import java.util.List;
import org.kontor.api.money.Money;
import org.kontor.api.PluginContext;
import org.kontor.api.risk.RiskAssessment;
import org.kontor.api.risk.RiskCheck;
import org.kontor.api.risk.RiskReason;
import org.kontor.api.risk.RiskSubject;
import org.pf4j.Extension;

/**
 * First-order limits: a customer's first order above the operator's amount in its currency gives points, and, when
 * the operator gives them points, a first order paid through a card gateway. Only orders being placed are looked at
 * (the payment of the same order is not counted twice).
 */
@Extension
public class FirstOrderCheck implements RiskCheck {

    public static final String ID = "risk-basic.first-order";

    private final PluginContext context;

    public FirstOrderCheck(PluginContext context) {
        this.context = context;
    }

    @Override
    public String checkId() {
        return ID;
    }

    @Override
    public RiskAssessment assess(RiskSubject subject) {
        if (subject.kind() != RiskSubject.Kind.ORDER || !subject.firstOrder()) {
            return RiskAssessment.none();
        }
        RiskBasicConfig config = new RiskBasicConfig(context.settings());
        List<RiskReason> reasons = new ArrayList<>();
        Money limit = config.firstOrderLimits().get(subject.amount().currency());
        if (limit != null && subject.amount().isGreaterThan(limit) && config.firstOrderPoints() > 0) {
            reasons.add(new RiskReason("first-order.amount", config.firstOrderPoints(),
                    "the customer's first order of " + subject.amount() + " is above " + limit));
        }
        if (subject.paymentMethod() != null && config.firstOrderGateways().contains(subject.paymentMethod())
                && config.firstOrderGatewayPoints() > 0) {
            reasons.add(new RiskReason("first-order.card", config.firstOrderGatewayPoints(),
                    "the customer's first order is paid by card (" + subject.paymentMethod() + ")"));
        }
        return RiskAssessment.of(reasons);
    }
}
