package org.kontor.plugins.sepa.mandate;

public enum MandateState { ACTIVE, REVOKED }
