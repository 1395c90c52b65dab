package org.kontor.api.risk;

import org.pf4j.ExtensionPoint;

/**
 * One source of risk points: velocity, GeoIP, disposable e-mail domains, a credit bureau. The host asks every running
 * check outside any database transaction and adds up their points; a check that throws is logged against its plugin
 * and counted as giving none. A check is asked once per subject and may remember it (velocity needs that).
 */
public interface RiskCheck extends ExtensionPoint {

    /** A stable id, shown beside the reasons, e.g. {@code risk-basic.velocity}. */
    String checkId();

    /** The points this check gives the subject, with a reason for each; {@link RiskAssessment#none()} for none. */
    RiskAssessment assess(RiskSubject subject);
}
