package org.kontor.api.contact;

/**
 * What kind of holder a contact is. Registries differ in what they require of each (the .dk registry's
 * {@code userType}: individual, company, public organisation, association).
 */
public enum HolderType {
    INDIVIDUAL, COMPANY, PUBLIC_ORGANIZATION, ASSOCIATION
}
