/**
 * Corrections of issued documents (BIL-6): a cancellation (Storno) credits everything of a document that is still
 * uncredited in one credit note and marks the document cancelled, or leaves a paid one paid with the refund owed;
 * a partial credit note credits chosen lines by quantity or amount, never more than a line has left. Credit notes are
 * documents of their own in {@link org.kontor.host.billing.Series#CREDIT_NOTE}, issued with the corrected document's
 * buyer and VAT terms; the corrected document itself is never changed.
 */
package org.kontor.host.billing.corrections;
