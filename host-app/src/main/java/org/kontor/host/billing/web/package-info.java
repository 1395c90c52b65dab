/** The billing documents over HTTP: a customer's own documents and their PDFs (BIL-3). */
package org.kontor.host.billing.web;
