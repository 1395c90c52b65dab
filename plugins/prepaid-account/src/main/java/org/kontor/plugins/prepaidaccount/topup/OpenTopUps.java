package org.kontor.plugins.prepaidaccount.topup;

import java.util.Optional;
import org.kontor.api.PluginContext;
import org.kontor.api.funding.PayableTopUps;
import org.kontor.plugins.prepaidaccount.PrepaidLedgers;
import org.kontor.plugins.prepaidaccount.ledger.AccountState;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.pf4j.Extension;

/**
 * The top-ups still waiting for their money, for the host to take through a payment gateway, and the page where an
 * active account's owner asks for one (the host's "Add funds").
 */
@Extension
public class OpenTopUps implements PayableTopUps {

    /** The storefront page where the owner requests a top-up and finds the open ones. */
    static final String DEPOSITS_PAGE = "/p/prepaid-account/deposits";

    private final TopUps topUps;
    private final Ledger ledger;

    public OpenTopUps(PluginContext context) {
        this.ledger = PrepaidLedgers.of(context);
        this.topUps = PrepaidLedgers.topUps(context, ledger);
    }

    OpenTopUps(TopUps topUps, Ledger ledger) {
        this.topUps = topUps;
        this.ledger = ledger;
    }

    @Override
    public Optional<PayableTopUp> open(String topUpId) {
        return topUps.find(topUpId)
                .filter(topUp -> topUp.state() == TopUpState.REQUESTED)
                .flatMap(topUp -> ledger.account(topUp.accountId())
                        .map(account -> new PayableTopUp(topUp.id(), account.ownerId(), topUp.net())));
    }

    @Override
    public Optional<String> topUpPage(String ownerId) {
        return ledger.accountOfOwner(ownerId).filter(account -> account.state() == AccountState.ACTIVE)
                .map(account -> DEPOSITS_PAGE);
    }
}
