package org.kontor.plugins.sepa.mandate;

/** The SEPA direct debit scheme of a mandate: consumers (CORE) or businesses only (B2B). */
public enum Scheme { CORE, B2B }
