package org.kontor.host.orders;

import org.kontor.api.domain.DomainName;

/** What the checkout asks the registry before it accepts a domain item. */
public interface DomainChecks {

    /** Whether the name can be registered now. */
    Availability availability(DomainName name);

    /** Whether the name can be transferred in with this auth code (ORD-6). */
    TransferCheck transfer(DomainName name, String authCode);

    enum Availability { AVAILABLE, TAKEN, UNKNOWN }

    /** The registry's answer on a transfer; {@code reason} explains a refusal or an unknown answer. */
    record TransferCheck(Answer answer, String reason) {

        public enum Answer { ACCEPTED, WRONG_AUTH_CODE, NOT_TRANSFERABLE, UNKNOWN }

        public static TransferCheck accepted() {
            return new TransferCheck(Answer.ACCEPTED, null);
        }
    }
}
