package org.kontor.host.mail;

import java.util.Objects;
import org.kontor.host.config.KontorConfig;

/**
 * How the host reaches its mail server and whom mail comes from ({@code mail.smtp.*} and {@code mail.from}).
 * Without a user the server is used without authentication. {@link #toString()} never shows the password.
 *
 * @param host     SMTP server name or address
 * @param port     SMTP port, e.g. 25 or 587
 * @param user     login name, or null or blank for no authentication
 * @param password the password for {@code user}; ignored without a user
 * @param startTls whether the connection must be upgraded with STARTTLS before anything else is sent
 * @param from     the sender address, e.g. {@code Kontor <noreply@example.dk>}
 */
public record SmtpSettings(String host, int port, String user, String password, boolean startTls, String from) {

    public SmtpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
        }
        Objects.requireNonNull(from, "from");
        MailAddresses.parse("from", from);
        user = user == null || user.isBlank() ? null : user;
        password = user == null ? null : password;
    }

    /** The settings from the already loaded host configuration. */
    public static SmtpSettings from(KontorConfig config) {
        return new SmtpSettings(config.require("mail.smtp.host"), config.integer("mail.smtp.port"),
                config.get("mail.smtp.user").orElse(null), config.get("mail.smtp.password").orElse(null),
                config.flag("mail.smtp.starttls"), config.require("mail.from"));
    }

    /** Whether the server is logged in to. */
    public boolean authenticates() {
        return user != null;
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", user=" + user
                + ", password=" + (password == null ? "(none)" : "********") + ", startTls=" + startTls
                + ", from=" + from + "]";
    }
}
