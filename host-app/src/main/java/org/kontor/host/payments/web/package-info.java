/** The customer's payment pages: paying an open invoice, top-up or order, and a payment's status (PA-5, CC-6, PAY-2). */
package org.kontor.host.payments.web;
