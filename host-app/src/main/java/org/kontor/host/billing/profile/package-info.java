/** A customer's billing details: address, VAT id, how documents are sent, exclusions from invoicing and dunning. */
package org.kontor.host.billing.profile;
