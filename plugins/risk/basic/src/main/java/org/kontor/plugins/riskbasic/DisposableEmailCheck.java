package org.kontor.plugins.riskbasic;

import org.kontor.api.PluginContext;
import org.kontor.api.risk.RiskAssessment;
import org.kontor.api.risk.RiskCheck;
import org.kontor.api.risk.RiskReason;
import org.kontor.api.risk.RiskSubject;
import org.pf4j.Extension;

/**
 * Disposable e-mail: the account's address is at a domain of the bundled list of disposable mail services (or the
 * operator's own list), or under one: points.
 */
@Extension
public class DisposableEmailCheck implements RiskCheck {

    public static final String ID = "risk-basic.disposable-email";

    private final PluginContext context;
    private final DisposableDomains bundled;

    public DisposableEmailCheck(PluginContext context) {
        this(context, DisposableDomains.bundled());
    }

    DisposableEmailCheck(PluginContext context, DisposableDomains bundled) {
        this.context = context;
        this.bundled = bundled;
    }

    @Override
    public String checkId() {
        return ID;
    }

    @Override
    public RiskAssessment assess(RiskSubject subject) {
        RiskBasicConfig config = new RiskBasicConfig(context.settings());
        if (!config.disposableEnabled() || config.disposablePoints() == 0) {
            return RiskAssessment.none();
        }
        return bundled.match(subject.email(), config.extraDisposableDomains())
                .map(domain -> RiskAssessment.of(new RiskReason("email.disposable", config.disposablePoints(),
                        subject.email() + " is at a disposable e-mail domain (" + domain + ")")))
                .orElse(RiskAssessment.none());
    }
}
