package org.kontor.host.mail;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;
import org.kontor.api.mail.MailAttachment;
import org.kontor.api.mail.MailMessage;
import org.kontor.host.events.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host job that sends queued mail, outside any transaction.
 *
 * <p>Each attempt is claimed with one conditional UPDATE (still queued, same attempt count, due), which
 * also pushes {@code next_attempt_at} to the end of the {@link RetryPolicy#inFlightTimeout()}, so two
 * hosts never send the same attempt and a host that dies mid-send only delays the message. A failed
 * attempt is retried with exponential back-off until the policy gives up; then the message is FAILED.
 */
public final class MailSender implements ScheduledJob {

    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
    private static final int BATCH = 100;
    private static final int MAX_ERROR_LENGTH = 2000;

    private final Jdbi jdbi;
    private final SmtpTransport transport;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Duration interval;
    private final Executor executor;

    /**
     * @param interval how often the job looks for due messages
     * @param executor sends the messages handed over by {@link #sendLater} off the caller's thread
     */
    public MailSender(Jdbi jdbi, SmtpTransport transport, Clock clock, RetryPolicy retry, Duration interval,
                      Executor executor) {
        this.jdbi = jdbi;
        this.transport = transport;
        this.clock = clock;
        this.retry = retry;
        this.interval = interval;
        this.executor = executor;
    }

    @Override
    public String name() {
        return "mail-queue";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(interval);
    }

    @Override
    public Duration lease() {
        return Duration.ofMinutes(10);
    }

    @Override
    public void run(JobRun run) {
        sendDue();
    }

    /** Sends one message soon on the executor if it is due; never throws. */
    public void sendLater(String mailId) {
        try {
            executor.execute(() -> sendQuietly(mailId));
        } catch (RuntimeException e) {
            LOG.warn("Could not hand mail {} to the executor; the next run sends it", mailId, e);
        }
    }

    /**
     * Sends every due message, oldest first, up to one batch.
     *
     * @return the number of messages this sender claimed (sent or failed)
     */
    public int sendDue() {
        Instant now = clock.instant();
        List<Due> due = jdbi.withHandle(h -> h.createQuery("SELECT id, attempts FROM mail_queue "
                        + "WHERE status = 'QUEUED' AND next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT " + BATCH)
                .bind("now", now)
                .map((rs, ctx) -> new Due(rs.getString("id"), rs.getInt("attempts")))
                .list());
        int claimed = 0;
        for (Due mail : due) {
            try {
                if (attempt(mail)) {
                    claimed++;
                }
            } catch (RuntimeException e) {
                LOG.error("Sending mail {} failed; the next run tries again", mail.id(), e);
            }
        }
        return claimed;
    }

    /**
     * Sends one message if it is queued and due.
     *
     * @return whether this sender claimed it
     */
    public boolean send(String mailId) {
        Optional<Due> due = jdbi.withHandle(h -> h.createQuery("SELECT id, attempts FROM mail_queue "
                        + "WHERE id = :id AND status = 'QUEUED' AND next_attempt_at <= :now")
                .bind("id", mailId).bind("now", clock.instant())
                .map((rs, ctx) -> new Due(rs.getString("id"), rs.getInt("attempts")))
                .findOne());
        return due.isPresent() && attempt(due.get());
    }

    private boolean attempt(Due mail) {
        Instant now = clock.instant();
        int attempt = mail.attempts() + 1;
        int claimed = jdbi.withHandle(h -> h.createUpdate("UPDATE mail_queue SET attempts = :attempt, "
                        + "next_attempt_at = :inFlightUntil WHERE id = :id AND status = 'QUEUED' "
                        + "AND attempts = :seen AND next_attempt_at <= :now")
                .bind("attempt", attempt).bind("inFlightUntil", now.plus(retry.inFlightTimeout()))
                .bind("id", mail.id()).bind("seen", mail.attempts()).bind("now", now)
                .execute());
        if (claimed == 0) {
            return false; // another host or thread took this attempt
        }
        try {
            transport.send(mail.id(), load(mail.id()));
            finish(mail.id(), attempt, "SENT", null, now, clock.instant());
            LOG.info("Sent mail {} (attempt {})", mail.id(), attempt);
        } catch (MessagingException | RuntimeException e) {
            boolean givingUp = attempt >= retry.maxAttempts();
            Instant failedAt = clock.instant();
            // The error names the server's answer; message bodies and credentials are never logged.
            LOG.warn("Mail {}: attempt {} of {} failed{}: {}", mail.id(), attempt, retry.maxAttempts(),
                    givingUp ? ", giving up" : ", will retry", describe(e));
            finish(mail.id(), attempt, givingUp ? "FAILED" : "QUEUED", describe(e),
                    givingUp ? failedAt : failedAt.plus(retry.delayAfter(attempt)), null);
        }
        return true;
    }

    private MailMessage load(String mailId) {
        return jdbi.withHandle(h -> {
            List<MailAttachment> attachments = h.createQuery("SELECT file_name, content_type, content "
                            + "FROM mail_attachment WHERE mail_id = :id ORDER BY position")
                    .bind("id", mailId)
                    .map((rs, ctx) -> new MailAttachment(rs.getString("file_name"), rs.getString("content_type"),
                            Base64.getDecoder().decode(rs.getString("content"))))
                    .list();
            return h.createQuery("SELECT recipients, subject, text_body, html_body, reply_to FROM mail_queue "
                            + "WHERE id = :id")
                    .bind("id", mailId)
                    .map((rs, ctx) -> new MailMessage(Arrays.asList(rs.getString("recipients").split("\n")),
                            rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                            rs.getString("reply_to"), attachments))
                    .one();
        });
    }

    private void finish(String mailId, int attempt, String status, String error, Instant nextAttemptAt,
                        Instant sentAt) {
        int updated = jdbi.withHandle(h -> h.createUpdate("UPDATE mail_queue SET status = :status, "
                        + "last_error = :error, next_attempt_at = :next, sent_at = :sentAt "
                        + "WHERE id = :id AND status = 'QUEUED' AND attempts = :attempt")
                .bind("status", status).bind("error", error).bind("next", nextAttemptAt).bindByType("sentAt", sentAt, Instant.class)
                .bind("id", mailId).bind("attempt", attempt)
                .execute());
        if (updated == 0) {
            LOG.warn("Mail {}: attempt {} outlasted its in-flight time and was taken over; outcome {} not recorded",
                    mailId, attempt, status);
        }
    }

    private void sendQuietly(String mailId) {
        try {
            send(mailId);
        } catch (RuntimeException e) {
            LOG.error("Sending mail {} failed; the next run tries again", mailId, e);
        }
    }

    private static String describe(Throwable e) {
        String text = e.getClass().getName() + ": " + e.getMessage();
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    private record Due(String id, int attempts) {
    }
}
