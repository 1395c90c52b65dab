package org.kontor.api.funding;

import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.kontor.api.outcome.IdempotencyKey;
import org.pf4j.ExtensionPoint;

/**
 * Money a customer keeps with the operator that can pay for orders directly, such as a reseller's prepaid
 * account. Every movement is idempotent by its key: a retry returns the first result and never moves
 * money a second time. These calls are local to the database; the host makes them outside the registry
 * call: hold, commit, call the registry, then capture or release.
 */
public interface FundingSource extends ExtensionPoint {

    /** A stable id, e.g. {@code prepaid-account}. */
    String sourceId();

    /**
     * Whether this source may pay an order of these kinds for this customer in this currency — for a
     * deposit scheme, only when the account is active, the currency is its currency and every line is a
     * domain service. An order it does not cover gets a normal invoice instead.
     */
    boolean covers(String customerId, Collection<ChargeKind> kinds, Currency currency);

    /**
     * Reserves the amount. Creation and restore need available funds; a renewal may use the credit line.
     *
     * @throws InsufficientFundsException with the missing amount; nothing is held then
     */
    FundingHold hold(FundingRequest request) throws InsufficientFundsException;

    /** Charges a held amount; capturing twice returns the first capture. */
    FundingHold capture(IdempotencyKey holdKey);

    /** Gives a held amount back; releasing twice is harmless, releasing a captured hold is refused. */
    FundingHold release(IdempotencyKey holdKey);

    /** The hold made with this key, if any. */
    Optional<FundingHold> find(IdempotencyKey holdKey);

    /**
     * What the customers' accounts of this source hold together, one total per currency, for the operator's dashboard;
     * empty where the source keeps no balances of its own.
     *
     * @since 1.6.0
     */
    default List<FundsTotal> totals() {
        return List.of();
    }
}
