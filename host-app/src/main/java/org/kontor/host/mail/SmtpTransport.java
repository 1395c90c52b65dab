package org.kontor.host.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParameterList;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.IDN;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import org.kontor.api.mail.MailAttachment;
import org.kontor.api.mail.MailMessage;

/**
 * Sends one message through the configured SMTP server, a new connection per message.
 *
 * <p>The message is multipart/alternative when it has both bodies and multipart/mixed around that when it
 * has attachments; headers, bodies and file names are UTF-8. The Message-ID is {@code <queue id@sender
 * domain>}, so a message sent again after an attempt whose outcome was unknown is recognisable as the same.
 */
public final class SmtpTransport {

    private static final String UTF_8 = "UTF-8";

    private final SmtpSettings settings;
    private final Clock clock;
    private final Session session;
    private final InternetAddress from;
    private final String messageIdDomain;

    /**
     * @param timeout for connecting, and for each read and write on the connection
     */
    public SmtpTransport(SmtpSettings settings, Duration timeout, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.session = Session.getInstance(sessionProperties(settings, timeout));
        this.from = MailAddresses.parse("from", settings.from());
        this.messageIdDomain = domainOf(from.getAddress());
    }

    /**
     * Sends the message queued as {@code mailId}.
     *
     * @throws MessagingException when the server cannot be reached or refuses the message; the outcome
     *                            may be unknown when the connection broke after the message was handed over
     */
    public void send(String mailId, MailMessage message) throws MessagingException {
        MimeMessage mime = toMime(mailId, message);
        Transport transport = session.getTransport("smtp");
        try {
            transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
            transport.sendMessage(mime, mime.getAllRecipients());
        } finally {
            closeQuietly(transport);
        }
    }

    /** The message as it goes on the wire. */
    MimeMessage toMime(String mailId, MailMessage message) throws MessagingException {
        MimeMessage mime = new QueuedMimeMessage(session, "<" + mailId + "@" + messageIdDomain + ">");
        mime.setFrom(from);
        for (String recipient : message.to()) {
            mime.addRecipient(Message.RecipientType.TO, MailAddresses.parse("to", recipient));
        }
        if (message.replyTo() != null) {
            mime.setReplyTo(new InternetAddress[] {MailAddresses.parse("replyTo", message.replyTo())});
        }
        mime.setSubject(oneLine(message.subject()), UTF_8);
        mime.setSentDate(Date.from(clock.instant()));
        if (message.attachments().isEmpty()) {
            setBody(mime, message);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            setBody(body, message);
            mixed.addBodyPart(body);
            for (MailAttachment attachment : message.attachments()) {
                mixed.addBodyPart(attachmentPart(attachment));
            }
            mime.setContent(mixed);
        }
        mime.saveChanges();
        return mime;
    }

    private static void setBody(Part part, MailMessage message) throws MessagingException {
        if (message.textBody() != null && message.htmlBody() != null) {
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.textBody(), UTF_8, "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.htmlBody(), UTF_8, "html");
            alternative.addBodyPart(text); // the last part is the preferred one
            alternative.addBodyPart(html);
            part.setContent(alternative);
        } else if (message.htmlBody() != null) {
            setText(part, message.htmlBody(), "html");
        } else {
            setText(part, message.textBody(), "plain");
        }
    }

    private static void setText(Part part, String text, String subtype) throws MessagingException {
        if (part instanceof MimeMessage mime) {
            mime.setText(text, UTF_8, subtype);
        } else {
            ((MimeBodyPart) part).setText(text, UTF_8, subtype);
        }
    }

    private static MimeBodyPart attachmentPart(MailAttachment attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        ContentType type = contentType(attachment.contentType());
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), type.getBaseType())));
        String fileName = oneLine(attachment.fileName());
        // Parameters with an explicit charset (RFC 2231): setFileName would use the platform's charset.
        if (type.getParameterList() == null) {
            type.setParameterList(new ParameterList());
        }
        type.getParameterList().set("name", fileName, UTF_8);
        ParameterList dispositionParameters = new ParameterList();
        dispositionParameters.set("filename", fileName, UTF_8);
        ContentDisposition disposition = new ContentDisposition(Part.ATTACHMENT, dispositionParameters);
        part.setHeader("Content-Type", type.toString());
        part.setHeader("Content-Disposition", disposition.toString());
        return part;
    }

    private static ContentType contentType(String value) throws MessagingException {
        try {
            return new ContentType(value);
        } catch (ParseException e) {
            return new ContentType("application/octet-stream");
        }
    }

    private static Properties sessionProperties(SmtpSettings settings, Duration timeout) {
        String millis = Long.toString(timeout.toMillis());
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        properties.setProperty("mail.smtp.auth", Boolean.toString(settings.authenticates()));
        properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        properties.setProperty("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
        properties.setProperty("mail.smtp.connectiontimeout", millis);
        properties.setProperty("mail.smtp.timeout", millis);
        properties.setProperty("mail.smtp.writetimeout", millis);
        return properties;
    }

    private static String domainOf(String address) {
        String domain = address.substring(address.lastIndexOf('@') + 1);
        try {
            return IDN.toASCII(domain);
        } catch (IllegalArgumentException e) {
            return "kontor.invalid";
        }
    }

    /** Line breaks in a header value would start a new header. */
    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n]+", " ");
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // The message was handed over (or the failure is already being reported); nothing to do.
        }
    }

    /** A message whose Message-ID stays the one given instead of a fresh random one on every save. */
    private static final class QueuedMimeMessage extends MimeMessage {

        private final String messageId;

        QueuedMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
