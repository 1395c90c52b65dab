package org.kontor.it.browser;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.demo.DemoData;
import org.kontor.host.mail.MailTestServer;
import org.kontor.it.DemoHosts;

/** The demo, sending its mail to a GreenMail SMTP server on a free local port that the test reads. */
public final class MailBrowserHost implements BrowserHost {

    private final MailTestServer smtp = new MailTestServer();

    @Override
    public KontorHost start(Database database) throws Exception {
        smtp.start();
        KontorHost host = DemoHosts.start(database, java.time.Clock.systemUTC(), Map.of(
                "KONTOR_MAIL_SMTP_HOST", MailTestServer.HOST, "KONTOR_MAIL_SMTP_PORT", Integer.toString(smtp.port())));
        try {
            new DemoData(host, DemoHosts.freePort()).load();
        } catch (Exception | Error e) {
            host.close();
            throw e;
        }
        return host;
    }

    /** The mails received so far, after waiting up to ten seconds for at least {@code count}. */
    public MimeMessage[] awaitMails(int count) {
        GreenMail greenMail = smtp.greenMail();
        if (!greenMail.waitForIncomingEmail(10_000, count)) {
            throw new AssertionError("expected " + count + " mails, received " + greenMail.getReceivedMessages().length);
        }
        return greenMail.getReceivedMessages();
    }

    @Override
    public void close() {
        smtp.close();
    }
}
