package org.kontor.api.verification;

import org.kontor.api.outcome.Outcome;
import org.pf4j.ExtensionPoint;

/**
 * A credit bureau (SCHUFA, CRIF, infoscore, Creditreform): how likely a person or company is to pay. Asked outside any
 * database transaction; the host keeps the answer for a while instead of asking again for every order.
 */
public interface CreditScoreProvider extends ExtensionPoint {

    /** A stable id, e.g. {@code schufa}. */
    String providerId();

    /**
     * Whether the bureau is to be asked now (it is configured and switched on); the host asks the first running provider
     * that is, and treats a host without one as having no bureau.
     */
    default boolean available() {
        return true;
    }

    /** The subject's score; ERROR when the bureau does not know them, UNDEFINED when it could not be asked. */
    Outcome<CreditScore> score(CreditScoreRequest request);
}
