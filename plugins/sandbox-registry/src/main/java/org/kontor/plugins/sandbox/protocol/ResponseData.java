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

    /**
     * {@code domain:infData}.
     *
     * @param authInfo the password, shown to the sponsoring registrar only; null otherwise
     */
    record DomainInformation(String name, String roid, List<String> statuses, String registrar, Instant createdAt,
            Instant expiresAt, String authInfo) implements ResponseData {
        public DomainInformation {
            statuses = List.copyOf(statuses);
        }
    }

    /** {@code domain:renData}. */
    record DomainRenewed(String name, Instant expiresAt) implements ResponseData {
    }

    /** Verisign's {@code balance:infData}; the sandbox grants no credit. */
    record Balance(Money balance) implements ResponseData {
    }
}
