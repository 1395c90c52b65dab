package org.kontor.plugins.epp.session;

import org.kontor.plugins.epp.command.BalanceInfo;
import org.kontor.plugins.epp.command.ContactCheck;
import org.kontor.plugins.epp.command.ContactInfo;
import org.kontor.plugins.epp.command.DomainCheck;
import org.kontor.plugins.epp.command.DomainInfo;
import org.kontor.plugins.epp.command.DomainTransfer;
import org.kontor.plugins.epp.command.EppCommand;
import org.kontor.plugins.epp.command.HostCheck;
import org.kontor.plugins.epp.command.HostInfo;
import org.kontor.plugins.epp.command.PollRequest;

/**
 * Which commands may be sent a second time after the server lost the session (2002). Only queries qualify:
 * resending a create, renew or transfer request could bill twice, and registries penalise repeated errors.
 */
public final class EppRetryPolicy {

    private EppRetryPolicy() {
    }

    /** Whether the command only reads, so sending it again cannot change anything at the registry. */
    public static boolean isRetrySafe(EppCommand command) {
        return command instanceof DomainCheck || command instanceof DomainInfo || command instanceof ContactCheck
                || command instanceof ContactInfo || command instanceof HostCheck || command instanceof HostInfo
                || command instanceof BalanceInfo || command instanceof PollRequest
                || command instanceof DomainTransfer t && t.operation() == DomainTransfer.Operation.QUERY;
    }
}
