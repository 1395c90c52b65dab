package org.kontor.host.customers;

import java.time.Duration;

/** The outcome of {@link Customers#authenticate}. */
public sealed interface SignInResult permits SignInResult.SignedIn, SignInResult.Refused, SignInResult.Throttled {

    /** The address and password match an account. */
    record SignedIn(Customer customer) implements SignInResult {
    }

    /** Unknown address or wrong password: the same answer for both. */
    record Refused() implements SignInResult {
    }

    /** Too many failures for the address lately; no password was checked. */
    record Throttled(Duration retryAfter) implements SignInResult {
    }
}
