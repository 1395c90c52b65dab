package org.kontor.host.risk;

/** Whether a customer's phone number was confirmed with a code, as risk checks are told. */
@FunctionalInterface
public interface PhoneVerificationStatus {

    /** No phone number is known to be confirmed. */
    PhoneVerificationStatus NONE = customerId -> false;

    boolean verified(String customerId);
}
