package org.kontor.host.customers;

/**
 * What a new customer enters to open an account; {@link Customers#signUp} validates it.
 *
 * @param company  empty for a private person
 * @param currency empty: the currency of the country (EUR where it has none of its own)
 */
public record SignUp(String email, String password, String name, String company, String country, String language,
                     String currency) {

    /** Without the password, which must never reach a log. */
    @Override
    public String toString() {
        return "SignUp[email=" + email + ", name=" + name + ", company=" + company + ", country=" + country
                + ", language=" + language + ", currency=" + currency + "]";
    }
}
