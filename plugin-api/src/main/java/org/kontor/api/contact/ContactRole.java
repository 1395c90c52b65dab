package org.kontor.api.contact;

/** The role a contact plays for a domain, as in EPP's {@code domain:contact type}. */
public enum ContactRole {
    REGISTRANT, ADMIN, TECH, BILLING
}
