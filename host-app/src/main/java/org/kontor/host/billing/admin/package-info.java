/**
 * The operator's and the customers' billing routes: individual invoices drafted, edited and issued by the operator
 * (BIL-7), cancellations and credit notes of issued documents (BIL-6), and billing profiles, with the exclusions from
 * invoicing and dunning that only the operator sets (PAY-4).
 */
package org.kontor.host.billing.admin;
