package org.kontor.plugins.sepa.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.settings.Settings;
import org.kontor.plugins.sepa.SepaException;
import org.kontor.plugins.sepa.SepaSettings;
import org.kontor.plugins.sepa.SepaSettings.Creditor;
import org.kontor.plugins.sepa.check.BankDetails;
import org.kontor.plugins.sepa.check.CreditorId;
import org.kontor.plugins.sepa.collection.Collection;
import org.kontor.plugins.sepa.collection.Collections;
import org.kontor.plugins.sepa.collection.DueDates;
import org.kontor.plugins.sepa.mandate.Mandate;
import org.kontor.plugins.sepa.mandate.Mandates;
import org.kontor.plugins.sepa.notice.PreNotifications;

/**
 * Produces the collection file: every PENDING collection due within the horizon goes into one pain.008 document,
 * validated against the schema, written into the folder, and marked SUBMITTED in one transaction. A collection
 * whose due date can no longer be met moves to the earliest date the lead time allows. Debtors not yet
 * pre-notified are notified first.
 */
public final class CollectionFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final Jdbi jdbi;
    private final Clock clock;
    private final Settings settings;
    private final Mandates mandates;
    private final Collections collections;
    private final PreNotifications notices;
    private final Supplier<Path> folder;
    private final Pain008Writer writer = new Pain008Writer();
    private final Pain008Schema schema = new Pain008Schema();

    public CollectionFiles(Jdbi jdbi, Clock clock, Settings settings, Mandates mandates, Collections collections,
                           PreNotifications notices, Supplier<Path> folder) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.settings = settings;
        this.mandates = mandates;
        this.collections = collections;
        this.notices = notices;
        this.folder = folder;
    }

    /** A file written: its name in the folder, the message id, and the group header's count and control sum. */
    public record Produced(String fileId, String messageId, Path path, int transactions, BigDecimal controlSum) {
    }

    /** The creditor from the settings, checked: a file with a bad IBAN, BIC or creditor id is never written. */
    public Creditor creditor() {
        Map<String, String> missing = new LinkedHashMap<>();
        for (String key : List.of(SepaSettings.CREDITOR_NAME, SepaSettings.CREDITOR_IBAN, SepaSettings.CREDITOR_BIC,
                SepaSettings.CREDITOR_ID)) {
            if (settings.get(key).filter(value -> !value.isBlank()).isEmpty()) {
                missing.put(key, "is not set: the creditor's name, IBAN, BIC and creditor identifier are needed");
            }
        }
        if (!missing.isEmpty()) {
            throw SepaException.invalid(missing);
        }
        Creditor raw = SepaSettings.creditor(settings);
        Creditor creditor = new Creditor(raw.name(), BankDetails.normalizeIban(raw.iban()),
                BankDetails.normalizeBic(raw.bic()), CreditorId.normalize(raw.creditorId()));
        Map<String, String> errors = new LinkedHashMap<>();
        BankDetails.ibanProblem(creditor.iban()).ifPresent(p -> errors.put(SepaSettings.CREDITOR_IBAN, "IBAN " + p));
        BankDetails.bicProblem(creditor.bic()).ifPresent(p -> errors.put(SepaSettings.CREDITOR_BIC, "BIC " + p));
        CreditorId.problem(creditor.creditorId())
                .ifPresent(p -> errors.put(SepaSettings.CREDITOR_ID, "creditor identifier " + p));
        if (!errors.isEmpty()) {
            throw SepaException.invalid(errors);
        }
        return creditor;
    }

    /** Writes the file of all collections due within the horizon, or answers empty when none is due. */
    public Optional<Produced> produce(String actor) {
        Creditor creditor = creditor();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        DueDates dueDates = dueDates(settings);
        LocalDate horizon = today.plusDays(settings.number(SepaSettings.FILE_HORIZON_DAYS,
                SepaSettings.DEFAULT_FILE_HORIZON_DAYS));
        LocalDate earliest = dueDates.earliestCollection(today);

        List<Collection> due = jdbi.withHandle(h -> collections.pendingDueBy(h, horizon));
        for (Collection collection : due) {
            mandates.find(collection.mandateId())
                    .ifPresent(m -> notices.send(collection, m, creditor.name(), creditor.creditorId()));
        }
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String messageId = "SDD" + STAMP.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String fileId = UUID.randomUUID().toString();
        return Optional.of(jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO payment_sepa_file (id, message_id, file_name, transactions, control_sum_minor, "
                            + "created_at, created_by) VALUES (:id, :message, :name, 0, 0, :now, :actor)")
                    .bind("id", fileId).bind("message", messageId).bind("name", messageId + ".xml")
                    .bind("now", now.toEpochMilli()).bind("actor", actor).execute();
            List<DirectDebit> debits = new ArrayList<>();
            for (Collection c : collections.pendingDueBy(h, horizon)) {
                LocalDate date = c.dueDate().isBefore(earliest) ? earliest : c.dueDate();
                int marked = h.createUpdate("UPDATE payment_sepa_collection SET state = 'SUBMITTED', file_id = :file, "
                                + "submitted_at = :now, due_date = :due WHERE id = :id AND state = 'PENDING'")
                        .bind("file", fileId).bind("now", now.toEpochMilli()).bind("due", date.toString())
                        .bind("id", c.id()).execute();
                if (marked != 1) {
                    throw SepaException.conflict("another file run took collection " + c.id());
                }
                Mandate m = mandates.find(h, c.mandateId()).orElseThrow();
                debits.add(new DirectDebit(c.endToEndId(), c.amount(), m.scheme(), c.sequenceType(), date,
                        m.reference(), m.signedOn(), m.debtorName(), m.iban(), m.bic(),
                        c.description() == null ? c.reference() : c.reference() + " " + c.description()));
            }
            if (debits.isEmpty()) {
                throw SepaException.conflict("another file run took the due collections");
            }
            byte[] document = writer.write(messageId, now, creditor, debits);
            schema.validate(document);
            BigDecimal controlSum = debits.stream().map(d -> d.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            h.createUpdate("UPDATE payment_sepa_file SET transactions = :count, control_sum_minor = :sum WHERE id = :id")
                    .bind("id", fileId).bind("count", debits.size())
                    .bind("sum", controlSum.movePointRight(2).longValueExact()).execute();
            Path path = write(messageId + ".xml", document);
            // Should the commit fail, the file must not stay behind to be handed to the bank.
            h.afterRollback(() -> path.toFile().delete());
            return new Produced(fileId, messageId, path, debits.size(), controlSum);
        }));
    }

    /** The file of an earlier run, by its id, for download. */
    public Optional<Path> path(String fileId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT file_name FROM payment_sepa_file WHERE id = :id")
                        .bind("id", fileId).mapTo(String.class).findOne())
                .map(name -> folder.get().resolve(name));
    }

    public static DueDates dueDates(Settings settings) {
        return new DueDates(settings.number(SepaSettings.PRENOTIFICATION_DAYS, SepaSettings.DEFAULT_PRENOTIFICATION_DAYS),
                settings.number(SepaSettings.LEAD_BUSINESS_DAYS, SepaSettings.DEFAULT_LEAD_BUSINESS_DAYS));
    }

    private Path write(String name, byte[] document) {
        try {
            Path dir = Files.createDirectories(folder.get());
            Path partial = dir.resolve("." + name + ".part");
            Files.write(partial, document);
            return Files.move(partial, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the collection file " + name, e);
        }
    }
}
