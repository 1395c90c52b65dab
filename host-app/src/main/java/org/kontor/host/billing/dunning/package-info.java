/**
 * Dunning (ADM-8): runs that remind customers of overdue invoices in three levels (a friendly reminder, a first and a
 * second dunning notice), each with its own fee and interest, one notice per customer in their language, and an event
 * after the last level so that services can be suspended. Issued invoices never change; what a level charged is kept
 * in the level history.
 */
package org.kontor.host.billing.dunning;
