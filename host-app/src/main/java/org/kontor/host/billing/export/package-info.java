/**
 * The accounting export (BIL-4): issued documents of a period one row per document and VAT rate, as bookkeeping
 * imports them (DATEV-like: each row one booking of net and VAT at one rate), and the payments received in a period;
 * as RFC 4180 CSV or as JSON, amounts with a dot and dates as ISO yyyy-mm-dd.
 */
package org.kontor.host.billing.export;
