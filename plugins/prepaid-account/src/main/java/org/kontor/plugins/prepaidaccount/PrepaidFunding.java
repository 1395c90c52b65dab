package org.kontor.plugins.prepaidaccount;

import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.kontor.api.PluginContext;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.funding.FundingHold;
import org.kontor.api.funding.FundingRequest;
import org.kontor.api.funding.FundingSource;
import org.kontor.api.funding.FundsTotal;
import org.kontor.api.funding.InsufficientFundsException;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.plugins.prepaidaccount.ledger.AccountState;
import org.kontor.plugins.prepaidaccount.ledger.Hold;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.pf4j.Extension;

/** The prepaid account as a funding source for orders (PA-8: domain services only, in the account's currency). */
@Extension
public class PrepaidFunding implements FundingSource {

    private final Ledger ledger;

    public PrepaidFunding(PluginContext context) {
        this(PrepaidLedgers.of(context));
    }

    PrepaidFunding(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public String sourceId() {
        return "prepaid-account";
    }

    @Override
    public boolean covers(String customerId, Collection<ChargeKind> kinds, Currency currency) {
        return ledger.accountOfOwner(customerId)
                .filter(account -> account.state() == AccountState.ACTIVE)
                .filter(account -> account.currency().equals(currency))
                .flatMap(account -> ledger.scheme(account.schemeId()))
                .map(scheme -> !kinds.isEmpty() && (!scheme.domainsOnly() || kinds.stream().allMatch(ChargeKind::isDomainService)))
                .orElse(false);
    }

    @Override
    public FundingHold hold(FundingRequest request) throws InsufficientFundsException {
        return ledger.hold(request).toFundingHold();
    }

    @Override
    public FundingHold capture(IdempotencyKey holdKey) {
        return ledger.capture(holdKey.value()).toFundingHold();
    }

    @Override
    public FundingHold release(IdempotencyKey holdKey) {
        return ledger.release(holdKey.value()).toFundingHold();
    }

    @Override
    public Optional<FundingHold> find(IdempotencyKey holdKey) {
        return ledger.holdOf(holdKey.value()).map(Hold::toFundingHold);
    }

    @Override
    public List<FundsTotal> totals() {
        return ledger.totals();
    }
}
