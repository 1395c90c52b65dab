/** Billing of orders: the VAT an order charges at checkout, and the invoice when it completes (BIL-1). */
package org.kontor.host.billing.orders;
