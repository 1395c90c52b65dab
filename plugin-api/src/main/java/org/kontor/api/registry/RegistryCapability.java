package org.kontor.api.registry;

/** Optional abilities of a registry; check, register, renew and info are always there. */
public enum RegistryCapability {
    CONTACTS, HOSTS, TRANSFER, UPDATE, DELETE, RESTORE, DNSSEC, BALANCE, POLL, LAUNCH_PHASES, AUTH_CODE_RETRIEVAL
}
