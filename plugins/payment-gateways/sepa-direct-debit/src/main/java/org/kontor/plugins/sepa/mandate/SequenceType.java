package org.kontor.plugins.sepa.mandate;

/** Where a collection stands in its mandate's life: first, recurring, final, or the one collection of a one-off mandate. */
public enum SequenceType { FRST, RCUR, FNAL, OOFF }
