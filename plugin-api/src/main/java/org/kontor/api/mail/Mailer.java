package org.kontor.api.mail;

/**
 * Sends e-mail through the host's mail server. Messages are queued and sent after the current
 * transaction commits, with retries, so a plugin never blocks on SMTP.
 */
public interface Mailer {

    /** Queues the message; returns its id in the mail queue. */
    String send(MailMessage message);
}
