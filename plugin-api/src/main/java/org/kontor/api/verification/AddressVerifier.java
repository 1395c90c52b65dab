package org.kontor.api.verification;

import org.kontor.api.contact.PostalAddress;
import org.pf4j.ExtensionPoint;

/**
 * Checks a postal address: its postal code's form for the country at least, the street against a register where the
 * provider has one. The host has a built-in verifier for postal code forms; plugins add others.
 */
public interface AddressVerifier extends ExtensionPoint {

    /** A stable id, e.g. {@code postal-code-format}. */
    String verifierId();

    AddressVerdict verify(PostalAddress address);
}
