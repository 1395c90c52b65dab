package org.kontor.host.mail;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.mail.MailAttachment;
import org.kontor.api.mail.MailMessage;
import org.kontor.api.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's {@link Mailer}: writes messages to {@code mail_queue}, from where {@link MailSender} sends
 * them. A message queued in a transaction that rolls back never existed; after the commit the message id
 * is handed to {@code onCommitted} so it goes out at once instead of at the sender's next run.
 */
public final class QueuedMailer implements Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(QueuedMailer.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final Consumer<String> onCommitted;
    private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

    /**
     * @param onCommitted called with the mail id once the queuing transaction has committed, usually
     *                    {@link MailSender#sendLater}; it must not block
     */
    public QueuedMailer(Jdbi jdbi, Clock clock, Consumer<String> onCommitted) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.onCommitted = onCommitted;
    }

    /**
     * Queues the message in a transaction of its own.
     *
     * @throws IllegalArgumentException naming the first recipient or reply-to that is not an e-mail address
     */
    @Override
    public String send(MailMessage message) {
        validate(message);
        return jdbi.inTransaction(transaction -> send(transaction, message));
    }

    /**
     * Queues the message in the caller's transaction, so that it is sent only if that transaction commits.
     *
     * @throws IllegalArgumentException naming the first recipient or reply-to that is not an e-mail address
     */
    public String send(Handle transaction, MailMessage message) {
        Objects.requireNonNull(transaction, "transaction");
        validate(message);
        String id = ids.generate().toString();
        Instant now = clock.instant();
        transaction.createUpdate("INSERT INTO mail_queue (id, created_at, recipients, subject, text_body, html_body, "
                        + "reply_to, status, attempts, next_attempt_at) VALUES (:id, :now, :recipients, :subject, "
                        + ":text, :html, :replyTo, 'QUEUED', 0, :now)")
                .bind("id", id)
                .bind("now", now)
                .bind("recipients", String.join("\n", message.to()))
                .bind("subject", message.subject())
                .bind("text", message.textBody())
                .bind("html", message.htmlBody())
                .bind("replyTo", message.replyTo())
                .execute();
        List<MailAttachment> attachments = message.attachments();
        for (int position = 0; position < attachments.size(); position++) {
            MailAttachment attachment = attachments.get(position);
            transaction.createUpdate("INSERT INTO mail_attachment (mail_id, position, file_name, content_type, content) "
                            + "VALUES (:id, :position, :fileName, :contentType, :content)")
                    .bind("id", id)
                    .bind("position", position)
                    .bind("fileName", attachment.fileName())
                    .bind("contentType", attachment.contentType())
                    .bind("content", Base64.getEncoder().encodeToString(attachment.content()))
                    .execute();
        }
        if (transaction.isInTransaction()) {
            transaction.afterCommit(() -> handOver(id));
        } else {
            handOver(id); // auto-commit: the rows are already committed
        }
        return id;
    }

    private static void validate(MailMessage message) {
        Objects.requireNonNull(message, "message");
        message.to().forEach(recipient -> MailAddresses.parse("to", recipient));
        if (message.replyTo() != null) {
            MailAddresses.parse("replyTo", message.replyTo());
        }
    }

    private void handOver(String mailId) {
        try {
            onCommitted.accept(mailId);
        } catch (RuntimeException e) {
            LOG.warn("Could not hand mail {} to the sender; its next run sends it", mailId, e);
        }
    }
}
