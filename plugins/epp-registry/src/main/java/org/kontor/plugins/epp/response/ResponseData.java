package org.kontor.plugins.epp.response;

/** A child of {@code resData}: what a command returns about its object. */
public sealed interface ResponseData permits DomainCheckData, DomainCreateData, DomainInfoData, DomainRenewData,
        DomainTransferData, DomainPendingActionData, ContactCheckData, ContactCreateData, ContactInfoData, HostCheckData, HostCreateData,
        HostInfoData, BalanceData, UnknownElement {
}
