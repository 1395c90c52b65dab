package org.kontor.host.billing.admin;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceStore;

/** Lists documents for the operator, the most recently drafted first. */
public final class InvoiceSearch {

    private final Jdbi jdbi;
    private final InvoiceStore store;

    public InvoiceSearch(Jdbi jdbi, InvoiceStore store) {
        this.jdbi = jdbi;
        this.store = store;
    }

    public List<Invoice> find(InvoiceFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT id FROM invoice WHERE 1 = 1");
        if (filter.customerId() != null) {
            sql.append(" AND customer_id = :customer");
        }
        if (filter.series() != null) {
            sql.append(" AND series = :series");
        }
        if (filter.state() != null) {
            sql.append(" AND state = :state");
        }
        if (filter.from() != null) {
            sql.append(" AND issue_date >= :from");
        }
        if (filter.to() != null) {
            sql.append(" AND issue_date <= :to");
        }
        sql.append(" ORDER BY created_at DESC, id LIMIT :limit");
        List<String> ids = jdbi.withHandle(h -> {
            Query query = h.createQuery(sql.toString()).bind("limit", filter.limit());
            if (filter.customerId() != null) {
                query.bind("customer", filter.customerId());
            }
            if (filter.series() != null) {
                query.bind("series", filter.series().name());
            }
            if (filter.state() != null) {
                query.bind("state", filter.state().name());
            }
            if (filter.from() != null) {
                query.bind("from", filter.from().toString());
            }
            if (filter.to() != null) {
                query.bind("to", filter.to().toString());
            }
            return query.mapTo(String.class).list();
        });
        return ids.stream().map(id -> store.find(id).orElseThrow()).toList();
    }
}
