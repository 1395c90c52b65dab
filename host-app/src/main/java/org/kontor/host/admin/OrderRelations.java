package org.kontor.host.admin;

import java.util.List;
import java.util.Optional;
import org.kontor.api.money.Money;
import org.kontor.host.orders.OrderLine;
import org.kontor.host.provisioning.DomainOperation;

/** What the admin's order page shows beside the order: the lines' registry operations, its documents and payments. */
public interface OrderRelations {

    /** Nothing beside the order. */
    OrderRelations NONE = new OrderRelations() {
        @Override
        public Optional<DomainOperation> operation(OrderLine line) {
            return Optional.empty();
        }

        @Override
        public List<Document> documents(String orderId) {
            return List.of();
        }

        @Override
        public List<OrderPayment> payments(String orderId) {
            return List.of();
        }
    };

    /** A billing document of the order. */
    record Document(String id, String number, String state, Money gross, Money outstanding) {
    }

    /** A payment made for the order. */
    record OrderPayment(String id, String gateway, String status, Money amount, boolean applied) {
    }

    /** The domain operation a line started at the registry, if it started one. */
    Optional<DomainOperation> operation(OrderLine line);

    List<Document> documents(String orderId);

    List<OrderPayment> payments(String orderId);
}
