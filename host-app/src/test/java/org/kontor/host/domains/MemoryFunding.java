package org.kontor.host.domains;

import java.util.Collection;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.funding.FundingHold;
import org.kontor.api.funding.FundingRequest;
import org.kontor.api.funding.FundingSource;
import org.kontor.api.funding.InsufficientFundsException;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;

/** A funding source in memory with one balance per customer (10,000 unless set); a hold with a known key is returned as it is. */
public final class MemoryFunding implements FundingSource {

    private final Map<String, Money> balances = new ConcurrentHashMap<>();
    private final Map<IdempotencyKey, FundingHold> holds = new ConcurrentHashMap<>();
    private final Map<IdempotencyKey, String> owners = new ConcurrentHashMap<>();

    /** What a customer has before any deposit: 10,000 in the currency asked for. */
    private static final java.util.function.Function<Money, Money> START =
            amount -> Money.ofMinor(1_000_000, amount.currency());

    /** Sets what the customer has. */
    public MemoryFunding deposit(String customer, Money amount) {
        balances.put(customer, amount);
        return this;
    }

    /** The customer's balance after captures; held money still counts until captured. */
    public Money balance(String customer) {
        return balances.get(customer);
    }

    public long captures() {
        return holds.values().stream().filter(h -> h.state() == FundingHold.State.CAPTURED).count();
    }

    @Override
    public String sourceId() {
        return "memory";
    }

    @Override
    public boolean covers(String customerId, Collection<ChargeKind> kinds, Currency currency) {
        return true;
    }

    @Override
    public synchronized FundingHold hold(FundingRequest request) throws InsufficientFundsException {
        FundingHold existing = holds.get(request.key());
        if (existing != null) {
            return existing;
        }
        Money balance = balances.computeIfAbsent(request.customerId(), c -> START.apply(request.amount()));
        if (request.kind() != ChargeKind.DOMAIN_RENEW && balance.isLessThan(request.amount())) {
            throw new InsufficientFundsException(request.amount().minus(balance), balance);
        }
        FundingHold hold = new FundingHold("hold-" + request.key().value(), request.key(), request.amount(),
                FundingHold.State.ACTIVE, null);
        holds.put(request.key(), hold);
        owners.put(request.key(), request.customerId());
        return hold;
    }

    @Override
    public synchronized FundingHold capture(IdempotencyKey key) {
        FundingHold hold = holds.get(key);
        if (hold.state() == FundingHold.State.ACTIVE) {
            balances.merge(owners.get(key), hold.amount().negate(), Money::plus);
            hold = new FundingHold(hold.holdId(), key, hold.amount(), FundingHold.State.CAPTURED, null);
            holds.put(key, hold);
        }
        return hold;
    }

    @Override
    public synchronized FundingHold release(IdempotencyKey key) {
        FundingHold hold = holds.get(key);
        if (hold.state() == FundingHold.State.ACTIVE) {
            hold = new FundingHold(hold.holdId(), key, hold.amount(), FundingHold.State.RELEASED, null);
            holds.put(key, hold);
        }
        return hold;
    }

    @Override
    public Optional<FundingHold> find(IdempotencyKey key) {
        return Optional.ofNullable(holds.get(key));
    }
}
