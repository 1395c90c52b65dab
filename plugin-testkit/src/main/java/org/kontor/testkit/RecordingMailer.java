package org.kontor.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kontor.api.mail.MailMessage;
import org.kontor.api.mail.Mailer;

/** A mailer for tests: keeps every message queued with it. */
public final class RecordingMailer implements Mailer {

    private final List<MailMessage> sent = new CopyOnWriteArrayList<>();

    @Override
    public String send(MailMessage message) {
        sent.add(message);
        return "mail-" + sent.size();
    }

    public List<MailMessage> sent() {
        return List.copyOf(sent);
    }
}
