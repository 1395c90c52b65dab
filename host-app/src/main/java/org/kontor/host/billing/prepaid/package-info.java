/**
 * The billing side of prepaid accounts (PA-13): advance tax documents for paid top-ups, the record of every draw, and
 * the monthly settlement documents with zero to pay, all from the prepaid-account plugin's events.
 */
package org.kontor.host.billing.prepaid;
