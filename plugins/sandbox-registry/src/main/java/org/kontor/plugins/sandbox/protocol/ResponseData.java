package org.kontor.plugins.sandbox.protocol;

import java.time.Instant;
import java.util.List;
import org.kontor.api.money.Money;

/** The {@code resData} of a response, one record per kind of answer. */
public sealed interface ResponseData {

    /** One name of a domain check. */
    record CheckedName(String name, boolean available, String reason) {
    }

    /** {@code domain:chkData}. */
    record DomainChecked(List<CheckedName> names) implements ResponseData {
        public DomainChecked {
            names = List.copyOf(names);
        }
    }

    /** {@code domain:creData}. */
    record DomainCreated(String name, Instant createdAt, Instant expiresAt) implements ResponseData {
    }

    /** A domain's contact of a type ({@code admin}, {@code tech}, {@code billing}). */
    record ContactRef(String type, String id) {
    }

    /**
     * {@code domain:infData}.
     *
     * @param registrant null when the domain has none
     * @param hosts the subordinate hosts, shown to the sponsor
     * @param updatedAt null when never updated
     * @param transferredAt null when never transferred
     * @param authInfo the password, shown to the sponsoring registrar only; null otherwise
     */
    record DomainInformation(String name, String roid, List<String> statuses, String registrant,
            List<ContactRef> contacts, List<String> nameServers, List<String> hosts, String registrar,
            String creator, Instant createdAt, String updatedBy, Instant updatedAt, Instant expiresAt,
            Instant transferredAt, String authInfo) implements ResponseData {
        public DomainInformation {
            statuses = List.copyOf(statuses);
            contacts = List.copyOf(contacts);
            nameServers = List.copyOf(nameServers);
            hosts = List.copyOf(hosts);
        }

        public DomainInformation(String name, String roid, List<String> statuses, String registrar,
                Instant createdAt, Instant expiresAt, String authInfo) {
            this(name, roid, statuses, null, List.of(), List.of(), List.of(), registrar, registrar, createdAt, null,
                    null, expiresAt, null, authInfo);
        }
    }

    /** {@code domain:renData}. */
    record DomainRenewed(String name, Instant expiresAt) implements ResponseData {
    }

    /**
     * {@code domain:trnData}.
     *
     * @param expiresAt the expiry after the transfer, or null
     */
    record DomainTransferData(String name, String status, String requestedBy, Instant requestedAt,
            String actionBy, Instant actionAt, Instant expiresAt) implements ResponseData {
    }

    /** {@code domain:panData}: the outcome of an action the registry answered 1001. */
    record DomainPendingAction(String name, boolean result, String clTRID, String svTRID, Instant at)
            implements ResponseData {
    }

    /** {@code contact:chkData} or {@code host:chkData}: {@code names} are ids or host names. */
    record ObjectChecked(String objectType, List<CheckedName> names) implements ResponseData {
        public ObjectChecked {
            names = List.copyOf(names);
        }
    }

    /** {@code contact:creData} or {@code host:creData}. */
    record ObjectCreated(String objectType, String id, Instant createdAt) implements ResponseData {
    }

    /** A contact's postal address, as RFC 5733 has it. */
    record PostalInfo(String type, String name, String org, List<String> street, String city, String sp, String pc,
            String cc) {
        public PostalInfo {
            street = List.copyOf(street);
        }
    }

    /** {@code contact:infData}; authInfo only for the sponsor. */
    record ContactInformation(String id, String roid, List<String> statuses, PostalInfo postalInfo, String voice,
            String fax, String email, String registrar, Instant createdAt, Instant updatedAt, String authInfo)
            implements ResponseData {
        public ContactInformation {
            statuses = List.copyOf(statuses);
        }
    }

    /** {@code host:infData}; addresses as {@code v4:192.0.2.1}. */
    record HostInformation(String name, String roid, List<String> statuses, List<String> addresses,
            String registrar, Instant createdAt, Instant updatedAt) implements ResponseData {
        public HostInformation {
            statuses = List.copyOf(statuses);
            addresses = List.copyOf(addresses);
        }
    }

    /**
     * Verisign's {@code balance:infData}: what can be spent is the balance plus the credit limit.
     */
    record Balance(Money balance, Money creditLimit, Money creditThreshold) implements ResponseData {

        public Balance(Money balance) {
            this(balance, balance.minus(balance), balance.minus(balance));
        }

        public Money availableCredit() {
            return balance.plus(creditLimit);
        }
    }
}
