package org.kontor.api.mail;

import java.util.List;
import java.util.Objects;

/**
 * An e-mail. The sender is the operator's configured address; {@code replyTo} may be null. At least one of
 * the bodies is required; with both, the message is multipart/alternative.
 */
public record MailMessage(List<String> to, String subject, String textBody, String htmlBody, String replyTo,
                          List<MailAttachment> attachments) {

    public MailMessage {
        to = List.copyOf(Objects.requireNonNull(to, "to"));
        if (to.isEmpty()) {
            throw new IllegalArgumentException("to: at least one recipient is required");
        }
        Objects.requireNonNull(subject, "subject");
        if (textBody == null && htmlBody == null) {
            throw new IllegalArgumentException("a text or HTML body is required");
        }
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static MailMessage text(String to, String subject, String body) {
        return new MailMessage(List.of(to), subject, body, null, null, List.of());
    }
}
