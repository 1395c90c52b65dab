package org.kontor.host.verification;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.verification.SmsGateway;
import org.kontor.api.verification.TextMessage;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.Customers;
import org.kontor.host.i18n.Messages;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phone verification of customers and resellers (ORD-11): the customer enters a mobile number, the host sends a
 * 6-digit code through the first running {@link SmsGateway}, and the customer enters it.
 *
 * <ul>
 *   <li>Only an HMAC-SHA-256 of the code, keyed with a random salt of its own row, is stored.</li>
 *   <li>The text message is sent outside any transaction, under the row's idempotency key: the row is recorded
 *       (SENDING), committed, the gateway called, its answer recorded.</li>
 *   <li>A code is valid for {@link #VALIDITY}; {@link #MAX_ATTEMPTS} wrong entries void it; a new code voids the
 *       one before.</li>
 *   <li>Codes are sent at most once a minute and {@link #PER_HOUR} times an hour per account.</li>
 *   <li>The customer has one mobile number; entering another one drops the verification of the old.</li>
 * </ul>
 *
 * <p>A code whose gateway did not answer (UNDEFINED) stays valid should it arrive; it expires like any other, so no
 * job needs to settle it.
 */
public final class PhoneVerifications {

    public static final Duration VALIDITY = Duration.ofMinutes(10);
    public static final int MAX_ATTEMPTS = 5;
    static final Duration RESEND_GAP = Duration.ofMinutes(1);
    static final int PER_HOUR = 5;
    private static final List<String> OPEN = List.of("SENDING", "SENT", "UNDEFINED");
    private static final Logger log = LoggerFactory.getLogger(PhoneVerifications.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random;
    private final Extensions extensions;
    private final Customers customers;
    private final CodeTexts texts;
    private final PhoneNumbers numbers = new PhoneNumbers();
    private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

    /** The text message that carries a code, in the customer's language. */
    @FunctionalInterface
    public interface CodeTexts {

        String text(String language, String code, long validMinutes);

        /** The active theme's message {@code verification.phone.sms}. */
        static CodeTexts of(Supplier<Messages> messages) {
            return (language, code, minutes) -> messages.get().get(language, "verification.phone.sms", code, minutes);
        }
    }

    /** @param texts the text message with the code, in the customer's language */
    public PhoneVerifications(Jdbi jdbi, Clock clock, SecureRandom random, Extensions extensions, Customers customers,
                              CodeTexts texts) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.random = random;
        this.extensions = extensions;
        this.customers = customers;
        this.texts = texts;
    }

    /** Whether a text message gateway runs, so that codes can be sent. */
    public boolean available() {
        return gateway().isPresent();
    }

    /** Whether the customer's mobile number was confirmed with a code (and not changed since). */
    public boolean verified(String customerId) {
        if (customerId == null) {
            return false;
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM customer_phone "
                        + "WHERE customer_id = :customer AND verified_at IS NOT NULL")
                .bind("customer", customerId).mapTo(Integer.class).one()) > 0;
    }

    /** The customer's verified number in E.164 form, if any. */
    public Optional<String> verifiedNumber(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT phone_number FROM customer_phone "
                        + "WHERE customer_id = :customer AND verified_at IS NOT NULL")
                .bind("customer", customerId).mapTo(String.class).findOne());
    }

    public PhoneStatus status(String customerId) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> {
            Optional<PhoneStatus> phone = h.createQuery("SELECT phone_number, verified_at FROM customer_phone "
                            + "WHERE customer_id = :customer")
                    .bind("customer", customerId)
                    .map((rs, ctx) -> {
                        long verifiedAt = rs.getLong("verified_at");
                        boolean verified = !rs.wasNull();
                        return new PhoneStatus(rs.getString("phone_number"), verified,
                                verified ? Instant.ofEpochMilli(verifiedAt) : null, null, null);
                    }).findOne();
            PhoneStatus.Pending pending = latest(h, customerId)
                    .filter(row -> OPEN.contains(row.state()) && now.isBefore(row.expiresAt()))
                    .map(row -> new PhoneStatus.Pending(row.phoneNumber(), row.state(), row.expiresAt(),
                            Math.max(0, MAX_ATTEMPTS - row.attempts())))
                    .orElse(null);
            return new PhoneStatus(phone.map(PhoneStatus::phoneNumber).orElse(null),
                    phone.map(PhoneStatus::verified).orElse(false), phone.map(PhoneStatus::verifiedAt).orElse(null),
                    pending, nextSendAt(h, customerId, now));
        });
    }

    /**
     * Sends a new code to the number, which becomes the customer's mobile number.
     *
     * @param written the number as the customer wrote it; without {@code +} it is read in the customer's country
     * @return the status with the code pending
     * @throws PhoneVerificationException PHONE_INVALID, SMS_UNAVAILABLE, RESEND_THROTTLED, or SMS_REFUSED when the
     *                                    gateway refused the number
     */
    public PhoneStatus send(String customerId, String written) {
        Customer customer = customers.find(customerId).orElseThrow(() ->
                new java.util.NoSuchElementException("no customer " + customerId));
        String number = numbers.mobile(written, customer.country()).orElseThrow(() ->
                new PhoneVerificationException(PhoneVerificationException.Reason.PHONE_INVALID,
                        "'" + String.valueOf(written).strip() + "' is not a mobile number (write it as +4520123456 or "
                                + "as dialled in " + customer.country() + ")"));
        Contribution<SmsGateway> gateway = gateway().orElseThrow(() ->
                new PhoneVerificationException(PhoneVerificationException.Reason.SMS_UNAVAILABLE,
                        "Phone verification is not available: no text message gateway is running."));
        String code = String.format("%06d", random.nextInt(1_000_000));
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String id = ids.generate().toString();
        IdempotencyKey key = IdempotencyKey.derive("phone-verification", id);
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            // The account's phone row first, made if missing (a parallel first send finds it made), then updated: the
            // update's write lock keeps two sends of one account from passing the throttle together.
            h.createUpdate("INSERT INTO customer_phone (customer_id, phone_number, verified_at, updated_at) "
                            + "VALUES (:customer, :number, NULL, :at) ON CONFLICT (customer_id) DO NOTHING")
                    .bind("customer", customerId).bind("number", number).bind("at", now.toEpochMilli()).execute();
            h.createUpdate("UPDATE customer_phone SET verified_at = CASE WHEN phone_number = :number "
                            + "THEN verified_at ELSE NULL END, phone_number = :number, updated_at = :at "
                            + "WHERE customer_id = :customer")
                    .bind("number", number).bind("at", now.toEpochMilli()).bind("customer", customerId).execute();
            Instant next = nextSendAt(h, customerId, now);
            if (now.isBefore(next)) {
                throw new PhoneVerificationException(PhoneVerificationException.Reason.RESEND_THROTTLED,
                        "A code was sent a short while ago; another may be sent at " + next + ".",
                        Duration.between(now, next), -1);
            }
            h.createUpdate("UPDATE phone_verification SET state = 'SUPERSEDED' WHERE customer_id = :customer "
                            + "AND state IN (<open>)")
                    .bind("customer", customerId).bindList("open", OPEN).execute();
            h.createUpdate("INSERT INTO phone_verification (id, customer_id, phone_number, code_salt, code_hash, state, "
                            + "attempts, gateway_id, send_key, created_at, expires_at) VALUES (:id, :customer, :number, "
                            + ":salt, :hash, 'SENDING', 0, :gateway, :key, :at, :expires)")
                    .bind("id", id).bind("customer", customerId).bind("number", number)
                    .bind("salt", Base64.getEncoder().encodeToString(salt)).bind("hash", hash(salt, code))
                    .bind("gateway", gateway.extension().gatewayId()).bind("key", key.value())
                    .bind("at", now.toEpochMilli()).bind("expires", now.plus(VALIDITY).toEpochMilli()).execute();
        });
        String text = texts.text(customer.language(), code, VALIDITY.toMinutes());
        Outcome<Void> outcome;
        try {
            outcome = gateway.extension().send(key, new TextMessage(number, text));
        } catch (RuntimeException e) {
            log.warn("Text message gateway {} failed for phone verification {}", gateway.pluginId(), id, e);
            outcome = Outcome.undefined("the gateway failed: " + e.getClass().getSimpleName());
        }
        if (outcome == null) {
            outcome = Outcome.undefined("the gateway answered nothing");
        }
        String state = switch (outcome.status()) {
            case PROCESSED, PENDING -> "SENT";
            case ERROR, CANCELED -> "FAILED";
            case UNDEFINED -> "UNDEFINED";
        };
        String message = outcome.message() == null ? outcome.code() : outcome.message();
        jdbi.useHandle(h -> h.createUpdate("UPDATE phone_verification SET state = :state, message = :message, "
                        + "sent_at = :at WHERE id = :id AND state = 'SENDING'")
                .bind("state", state).bind("message", message).bind("at", clock.instant().toEpochMilli())
                .bind("id", id).execute());
        if (state.equals("FAILED")) {
            throw new PhoneVerificationException(PhoneVerificationException.Reason.SMS_REFUSED,
                    "The text message could not be sent to " + number + (message == null ? "." : ": " + message));
        }
        return status(customerId);
    }

    /**
     * Confirms the customer's latest code. Another customer's codes are never looked at.
     *
     * @throws PhoneVerificationException CODE_MISSING (no code waits), CODE_EXPIRED, CODE_WRONG (with the attempts
     *                                    left), TOO_MANY_ATTEMPTS (the code is void)
     */
    public PhoneStatus confirm(String customerId, String entered) {
        Instant now = clock.instant();
        Row row = jdbi.withHandle(h -> latest(h, customerId)).filter(found -> OPEN.contains(found.state())
                        || found.state().equals("VOID"))
                .orElseThrow(() -> new PhoneVerificationException(PhoneVerificationException.Reason.CODE_MISSING,
                        "No code waits to be entered: send one first."));
        if (row.state().equals("VOID")) {
            throw tooManyAttempts();
        }
        if (!now.isBefore(row.expiresAt())) {
            throw new PhoneVerificationException(PhoneVerificationException.Reason.CODE_EXPIRED,
                    "The code expired at " + row.expiresAt() + ": send a new one.");
        }
        String code = entered == null ? "" : entered.replaceAll("[\\s-]", "");
        if (!code.matches("[0-9]{6}")) {
            throw new PhoneVerificationException(PhoneVerificationException.Reason.CODE_WRONG,
                    "The code has 6 digits.", null, MAX_ATTEMPTS - row.attempts());
        }
        // The attempt is counted before the code is compared, so that parallel guesses cannot exceed the limit.
        int counted = jdbi.withHandle(h -> h.createUpdate("UPDATE phone_verification SET attempts = attempts + 1 "
                        + "WHERE id = :id AND attempts < :max AND state IN (<open>)")
                .bind("id", row.id()).bind("max", MAX_ATTEMPTS).bindList("open", OPEN).execute());
        if (counted == 0) {
            throw tooManyAttempts();
        }
        int attempts = jdbi.withHandle(h -> h.createQuery("SELECT attempts FROM phone_verification WHERE id = :id")
                .bind("id", row.id()).mapTo(Integer.class).one());
        if (!MessageDigest.isEqual(hash(Base64.getDecoder().decode(row.salt()), code).getBytes(StandardCharsets.US_ASCII),
                row.hash().getBytes(StandardCharsets.US_ASCII))) {
            if (attempts >= MAX_ATTEMPTS) {
                jdbi.useHandle(h -> h.createUpdate("UPDATE phone_verification SET state = 'VOID' WHERE id = :id")
                        .bind("id", row.id()).execute());
                throw tooManyAttempts();
            }
            throw new PhoneVerificationException(PhoneVerificationException.Reason.CODE_WRONG,
                    "The code is wrong; " + (MAX_ATTEMPTS - attempts) + " attempts are left.", null,
                    MAX_ATTEMPTS - attempts);
        }
        boolean confirmed = jdbi.inTransaction(h -> {
            int done = h.createUpdate("UPDATE phone_verification SET state = 'CONFIRMED', confirmed_at = :at "
                            + "WHERE id = :id AND state IN (<open>)")
                    .bind("at", now.toEpochMilli()).bind("id", row.id()).bindList("open", OPEN).execute();
            if (done == 1) {
                h.createUpdate("UPDATE customer_phone SET verified_at = :at, updated_at = :at "
                                + "WHERE customer_id = :customer AND phone_number = :number")
                        .bind("at", now.toEpochMilli()).bind("customer", customerId).bind("number", row.phoneNumber())
                        .execute();
            }
            return done == 1;
        });
        if (!confirmed) {
            throw new PhoneVerificationException(PhoneVerificationException.Reason.CODE_MISSING,
                    "No code waits to be entered: send one first.");
        }
        return status(customerId);
    }

    // ---------------------------------------------------------------- internals

    private record Row(String id, String phoneNumber, String salt, String hash, String state, int attempts,
                       Instant createdAt, Instant expiresAt) {
    }

    private Optional<Contribution<SmsGateway>> gateway() {
        return extensions.of(SmsGateway.class).stream().findFirst();
    }

    private static Optional<Row> latest(Handle h, String customerId) {
        return h.createQuery("SELECT id, phone_number, code_salt, code_hash, state, attempts, created_at, expires_at "
                        + "FROM phone_verification WHERE customer_id = :customer ORDER BY created_at DESC, id DESC")
                .bind("customer", customerId)
                .setMaxRows(1)
                .map((rs, ctx) -> new Row(rs.getString("id"), rs.getString("phone_number"), rs.getString("code_salt"),
                        rs.getString("code_hash"), rs.getString("state"), rs.getInt("attempts"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at"))))
                .findFirst();
    }

    /** When the next code may be sent: a minute after the last one, and an hour after the fifth last. */
    private static Instant nextSendAt(Handle h, String customerId, Instant now) {
        List<Long> sent = h.createQuery("SELECT created_at FROM phone_verification WHERE customer_id = :customer "
                        + "AND created_at > :since ORDER BY created_at DESC")
                .bind("customer", customerId).bind("since", now.minus(Duration.ofHours(1)).toEpochMilli())
                .mapTo(Long.class).list();
        Instant next = now;
        if (!sent.isEmpty()) {
            Instant afterLast = Instant.ofEpochMilli(sent.get(0)).plus(RESEND_GAP);
            next = afterLast.isAfter(next) ? afterLast : next;
        }
        if (sent.size() >= PER_HOUR) {
            Instant afterHour = Instant.ofEpochMilli(sent.get(PER_HOUR - 1)).plus(Duration.ofHours(1));
            next = afterHour.isAfter(next) ? afterHour : next;
        }
        return next;
    }

    private static PhoneVerificationException tooManyAttempts() {
        return new PhoneVerificationException(PhoneVerificationException.Reason.TOO_MANY_ATTEMPTS,
                "The code was entered wrongly " + MAX_ATTEMPTS + " times and is void: send a new one.");
    }

    private static String hash(byte[] salt, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is missing from this Java", e);
        }
    }
}
