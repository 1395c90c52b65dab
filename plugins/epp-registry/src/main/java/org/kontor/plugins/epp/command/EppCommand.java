package org.kontor.plugins.epp.command;

/**
 * A command the client sends. Each is a plain value; {@link org.kontor.plugins.epp.codec.EppCommandEncoder}
 * turns it into an XML frame together with the caller's client transaction id.
 */
public sealed interface EppCommand permits Login, Logout, DomainCheck, DomainCreate, DomainInfo, DomainRenew,
        DomainTransfer, DomainUpdate, DomainDelete, DomainRestore, ContactCheck, ContactCreate, ContactInfo,
        HostCheck, HostCreate, HostInfo, PollRequest, PollAck, BalanceInfo, Extended {
}
