package org.kontor.plugins.banktransfer.matching;

import java.util.List;
import org.kontor.api.payment.PaymentNotification;

/**
 * What one import did.
 *
 * @param statements    the statements in the file
 * @param credits       the credits they hold
 * @param duplicates    credits imported before, left as they were
 * @param matched       new credits that paid a payment exactly
 * @param queued        new credits put in the manual queue
 * @param notifications one per payment paid by this import
 */
public record ImportReport(int statements, int credits, int duplicates, int matched, int queued,
                           List<PaymentNotification> notifications) {

    public ImportReport {
        notifications = List.copyOf(notifications);
    }
}
