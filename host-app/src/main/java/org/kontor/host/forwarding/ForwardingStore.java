package org.kontor.host.forwarding;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The forwards and aliases as stored (tables {@code web_forward} and {@code mail_alias}). */
final class ForwardingStore {

    private final Jdbi jdbi;
    private final Clock clock;

    ForwardingStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    List<WebForward> allForwards() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM web_forward").map((rs, ctx) -> forward(rs)).list());
    }

    List<WebForward> forwards(String domain) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM web_forward WHERE domain = :d ORDER BY host")
                .bind("d", domain).map((rs, ctx) -> forward(rs)).list());
    }

    void putForward(WebForward forward) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM web_forward WHERE host = :host").bind("host", forward.host()).execute();
            h.createUpdate("INSERT INTO web_forward (host, domain, label, customer_id, target, kind, status, keep_path, "
                            + "updated_at) VALUES (:host, :domain, :label, :customer, :target, :kind, :status, :keep, :now)")
                    .bind("host", forward.host()).bind("domain", forward.domain()).bind("label", forward.label())
                    .bind("customer", forward.customerId()).bind("target", forward.target())
                    .bind("kind", forward.kind().name()).bind("status", forward.status())
                    .bind("keep", forward.keepPath() ? 1 : 0).bind("now", clock.millis()).execute();
        });
    }

    boolean removeForward(String domain, String label) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM web_forward WHERE domain = :d AND label = :l")
                .bind("d", domain).bind("l", label).execute()) > 0;
    }

    List<MailAlias> allAliases() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM mail_alias ORDER BY domain, local_part")
                .map((rs, ctx) -> alias(rs)).list());
    }

    List<MailAlias> aliases(String domain) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM mail_alias WHERE domain = :d ORDER BY local_part")
                .bind("d", domain).map((rs, ctx) -> alias(rs)).list());
    }

    void putAlias(MailAlias alias) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM mail_alias WHERE domain = :d AND local_part = :l").bind("d", alias.domain())
                    .bind("l", alias.localPart()).execute();
            h.createUpdate("INSERT INTO mail_alias (domain, local_part, customer_id, targets, updated_at) "
                            + "VALUES (:d, :l, :customer, :targets, :now)")
                    .bind("d", alias.domain()).bind("l", alias.localPart()).bind("customer", alias.customerId())
                    .bind("targets", String.join(",", alias.targets())).bind("now", clock.millis()).execute();
        });
    }

    boolean removeAlias(String domain, String localPart) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM mail_alias WHERE domain = :d AND local_part = :l")
                .bind("d", domain).bind("l", localPart).execute()) > 0;
    }

    /** Forgets what a domain's earlier holder set up: forwards and aliases of another customer. */
    void forgetOthers(String domain, String customerId) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM web_forward WHERE domain = :d AND customer_id <> :c").bind("d", domain)
                    .bind("c", customerId).execute();
            h.createUpdate("DELETE FROM mail_alias WHERE domain = :d AND customer_id <> :c").bind("d", domain)
                    .bind("c", customerId).execute();
        });
    }

    private static WebForward forward(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new WebForward(rs.getString("host"), rs.getString("domain"), rs.getString("label"),
                rs.getString("customer_id"), rs.getString("target"), WebForward.Kind.valueOf(rs.getString("kind")),
                rs.getInt("status"), rs.getInt("keep_path") == 1);
    }

    private static MailAlias alias(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new MailAlias(rs.getString("domain"), rs.getString("local_part"), rs.getString("customer_id"),
                Arrays.stream(rs.getString("targets").split(",")).filter(t -> !t.isBlank()).toList());
    }
}
