package org.kontor.plugins.verification.sandbox;

import org.kontor.api.PluginContext;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.verification.SmsGateway;
import org.kontor.api.verification.TextMessage;
import org.pf4j.Extension;

/**
 * A text message gateway ({@value #ID}) that sends nothing: each message is kept in the plugin's table, where the
 * operator reads it at {@code /admin/p/verification-sandbox/}. The same key twice keeps one message and answers as the
 * first time. Numbers starting {@code +999} (no country has that code) are refused, for tests of a refusal.
 */
@Extension
public class SandboxSms implements SmsGateway {

    public static final String ID = "sandbox-sms";
    static final String REFUSED_PREFIX = "+999";

    private final PluginContext context;
    private final SandboxOutbox outbox;

    public SandboxSms(PluginContext context) {
        this.context = context;
        this.outbox = new SandboxOutbox(context);
    }

    @Override
    public String gatewayId() {
        return ID;
    }

    @Override
    public Outcome<Void> send(IdempotencyKey key, TextMessage message) {
        String state = message.phoneNumber().startsWith(REFUSED_PREFIX) ? "REFUSED" : "SENT";
        SandboxMessage kept = outbox.keep(new SandboxMessage(key.value(), message.phoneNumber(), message.text(), state,
                context.clock().instant()));
        if (kept.state().equals("REFUSED")) {
            return Outcome.error("number-refused", "the sandbox refuses numbers starting " + REFUSED_PREFIX);
        }
        return Outcome.processed(null, "SANDBOX-" + key.value());
    }
}
