package org.kontor.plugins.banktransfer.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kontor.api.PluginContext;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.api.web.Caller;
import org.kontor.plugins.banktransfer.InstructionsFactory;
import org.kontor.plugins.banktransfer.StatementImports;
import org.kontor.plugins.banktransfer.matching.BankTransferException;
import org.kontor.plugins.banktransfer.matching.Entries;
import org.kontor.plugins.banktransfer.matching.Entry;
import org.kontor.plugins.banktransfer.matching.EntryState;
import org.kontor.plugins.banktransfer.matching.ImportReport;
import org.kontor.plugins.banktransfer.matching.Payment;
import org.kontor.plugins.banktransfer.matching.Payments;
import org.kontor.plugins.banktransfer.statement.StatementException;

/** The operator's endpoints: statement upload, the manual queue, a payment with its credits. */
final class AdminApi {

    private static final int MAX_STATEMENT_BYTES = 20 * 1024 * 1024;

    private final PluginContext context;
    private final StatementImports imports;
    private final Entries entries;
    private final Payments payments;

    AdminApi(PluginContext context) {
        this.context = context;
        this.imports = new StatementImports(context);
        this.entries = new Entries(context.jdbi(), context.clock());
        this.payments = new Payments(context.jdbi(), context.clock());
    }

    /** A statement as a multipart upload (field {@code file}, several allowed) or as the raw request body. */
    void uploadStatement(Context ctx) throws StatementException, IOException {
        List<Map<String, Object>> reports = new ArrayList<>();
        if (ctx.isMultipartFormData()) {
            List<UploadedFile> files = ctx.uploadedFiles("file");
            if (files.isEmpty()) {
                throw new BankTransferException(BankTransferException.Reason.INVALID, "no file in the field 'file'");
            }
            for (UploadedFile file : files) {
                if (file.size() > MAX_STATEMENT_BYTES) {
                    throw new BankTransferException(BankTransferException.Reason.INVALID, file.filename() + " is too large");
                }
                try (InputStream in = file.content()) {
                    reports.add(view(file.filename(), imports.importFile(in.readAllBytes(), file.filename())));
                }
            }
        } else {
            byte[] body = ctx.bodyAsBytes();
            if (body.length == 0) {
                throw new BankTransferException(BankTransferException.Reason.INVALID, "the body holds no statement");
            }
            if (body.length > MAX_STATEMENT_BYTES) {
                throw new BankTransferException(BankTransferException.Reason.INVALID, "the statement is too large");
            }
            String source = ctx.queryParam("name") == null ? "upload" : ctx.queryParam("name");
            reports.add(view(source, imports.importFile(body, source)));
        }
        ctx.json(Map.of("imports", reports));
    }

    void queue(Context ctx) {
        String raw = ctx.queryParam("state");
        EntryState state;
        try {
            state = raw == null ? EntryState.QUEUED : EntryState.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BankTransferException(BankTransferException.Reason.INVALID, "state is one of MATCHED, QUEUED, RESOLVED, DISMISSED");
        }
        ctx.json(Map.of("entries", entries.list(state, 500).stream().map(AdminApi::view).toList()));
    }

    /** {@code {"payment": "BT-000042", "note": "…"}} assigns the credit; {@code {"dismiss": true, "note": "…"}} sets it aside. */
    void resolve(Context ctx) {
        Map<?, ?> body = body(ctx);
        String actor = Caller.require(ctx).subject();
        String id = ctx.pathParam("id");
        String note = body.get("note") instanceof String s ? s : null;
        if (Boolean.TRUE.equals(body.get("dismiss"))) {
            ctx.json(view(entries.dismiss(id, actor, note)));
            return;
        }
        if (!(body.get("payment") instanceof String payment) || payment.isBlank()) {
            throw new BankTransferException(BankTransferException.Reason.INVALID,
                    "give the payment to assign the credit to ('payment') or 'dismiss': true with a note");
        }
        PaymentNotification notification = entries.assign(id, payment.strip(), actor, note);
        Map<String, Object> answer = new LinkedHashMap<>(view(entries.byId(id).orElseThrow()));
        answer.put("notification", view(notification));
        ctx.json(answer);
    }

    void payment(Context ctx) {
        Payment payment = payments.byId(ctx.pathParam("id")).orElseThrow(() -> new BankTransferException(
                BankTransferException.Reason.NOT_FOUND, "no bank transfer payment " + ctx.pathParam("id")));
        Map<String, Object> view = new LinkedHashMap<>(new InstructionsFactory(context.settings()).of(payment).toMap());
        view.put("state", payment.state().name());
        view.put("paid", payment.paid().amount().toPlainString());
        view.put("kontorReference", payment.kontorReference());
        view.put("notifications", entries.notificationsFor(payment.id()).stream().map(AdminApi::view).toList());
        ctx.json(view);
    }

    private static Map<?, ?> body(Context ctx) {
        String raw = ctx.body();
        if (raw.isBlank()) {
            return Map.of();
        }
        try {
            return ctx.jsonMapper().fromJsonString(raw, Map.class);
        } catch (RuntimeException e) {
            throw new BankTransferException(BankTransferException.Reason.INVALID, "the body must be a JSON object");
        }
    }

    private static Map<String, Object> view(String source, ImportReport report) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("source", source);
        view.put("statements", report.statements());
        view.put("credits", report.credits());
        view.put("matched", report.matched());
        view.put("queued", report.queued());
        view.put("duplicates", report.duplicates());
        view.put("notifications", report.notifications().stream().map(AdminApi::view).toList());
        return view;
    }

    static Map<String, Object> view(PaymentNotification n) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("notificationId", n.notificationId());
        view.put("payment", n.gatewayReference());
        view.put("status", n.status().name());
        view.put("amount", n.amount().amount().toPlainString());
        view.put("currency", n.amount().currencyCode());
        return view;
    }

    static Map<String, Object> view(Entry e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", e.id());
        view.put("account", e.account());
        view.put("statement", e.statementId());
        view.put("entryReference", e.entryReference());
        view.put("bookingDate", e.bookingDate() == null ? null : e.bookingDate().toString());
        view.put("amount", e.amount().amount().toPlainString());
        view.put("currency", e.amount().currencyCode());
        view.put("reference", e.referenceFound());
        view.put("remittance", e.remittance());
        view.put("payer", e.payer());
        view.put("payment", e.paymentId());
        view.put("state", e.state().name());
        view.put("reason", e.reason() == null ? null : e.reason().name());
        view.put("note", e.note());
        view.put("resolvedBy", e.resolvedBy());
        return view;
    }
}
