package org.kontor.plugins.sepa.collection;

/** PENDING: recorded, not yet in a file; SUBMITTED: in a file handed to the bank; RETURNED: given back by the bank. */
public enum CollectionState { PENDING, SUBMITTED, RETURNED }
