package org.kontor.host.security.totp;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.secrets.Secrets;

/**
 * The staff's TOTP second factor in the database ({@code staff_totp}, {@code staff_recovery_code}): enrolment,
 * confirmation with a first code, checking a code at sign-in (each code and each recovery code works once) and
 * switching it off. Secrets are stored sealed with the host's master key.
 */
public final class StaffTotp {

    public static final String ISSUER = "Kontor";

    private final Jdbi jdbi;
    private final Clock clock;
    private final Secrets secrets;
    private final SecureRandom random;
    private final Totp totp;

    public StaffTotp(Jdbi jdbi, Clock clock, Secrets secrets, SecureRandom random, Totp totp) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.secrets = secrets;
        this.random = random;
        this.totp = totp;
    }

    /** Whether the account has a confirmed authenticator, i.e. must give a code when it signs in. */
    public boolean confirmed(String customerId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM staff_totp WHERE customer_id = :id AND confirmed_at IS NOT NULL")
                .bind("id", customerId).mapTo(Integer.class).one() > 0);
    }

    /** The enrolment awaiting its first code, if one was started and not confirmed yet. */
    public Optional<TotpEnrolment> pending(String customerId, String account) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT secret FROM staff_totp WHERE customer_id = :id AND confirmed_at IS NULL")
                .bind("id", customerId).mapTo(String.class).findOne())
                .map(sealed -> enrolment(Base32.decode(secrets.open(sealed)), account));
    }

    /**
     * Starts an enrolment with a new secret, replacing one that was never confirmed.
     *
     * @throws IllegalStateException when the account already has a confirmed authenticator
     */
    public TotpEnrolment start(String customerId, String account) {
        TotpEnrolment enrolment = TotpEnrolment.create(random, totp, ISSUER, account);
        String sealed = secrets.seal(enrolment.secretText());
        jdbi.useTransaction(h -> {
            if (isConfirmed(h, customerId)) {
                throw new IllegalStateException("the account has a confirmed authenticator already");
            }
            h.createUpdate("DELETE FROM staff_totp WHERE customer_id = :id").bind("id", customerId).execute();
            h.createUpdate("""
                            INSERT INTO staff_totp (customer_id, secret, created_at, confirmed_at, last_used_step)
                            VALUES (:id, :secret, :at, NULL, -1)""")
                    .bind("id", customerId).bind("secret", sealed).bind("at", clock.millis()).execute();
        });
        return enrolment;
    }

    /**
     * Confirms the pending enrolment with a current code from the app; on success returns the ten recovery codes,
     * which are shown this once (earlier ones stop working).
     */
    public Optional<List<String>> confirm(String customerId, String code) {
        Optional<String> sealed = jdbi.withHandle(h -> h.createQuery(
                        "SELECT secret FROM staff_totp WHERE customer_id = :id AND confirmed_at IS NULL")
                .bind("id", customerId).mapTo(String.class).findOne());
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong step = totp.verify(Base32.decode(secrets.open(sealed.get())), code, clock.instant());
        if (step.isEmpty()) {
            return Optional.empty();
        }
        RecoveryCodes.Issued issued = RecoveryCodes.issue(random);
        boolean done = jdbi.inTransaction(h -> {
            int updated = h.createUpdate("""
                            UPDATE staff_totp SET confirmed_at = :at, last_used_step = :step
                            WHERE customer_id = :id AND confirmed_at IS NULL AND secret = :secret""")
                    .bind("at", clock.millis()).bind("step", step.getAsLong()).bind("id", customerId)
                    .bind("secret", sealed.get()).execute();
            if (updated != 1) {
                return false;
            }
            h.createUpdate("DELETE FROM staff_recovery_code WHERE customer_id = :id").bind("id", customerId).execute();
            for (String digest : issued.digests()) {
                h.createUpdate("INSERT INTO staff_recovery_code (customer_id, code_hash, used_at) VALUES (:id, :hash, NULL)")
                        .bind("id", customerId).bind("hash", digest).execute();
            }
            return true;
        });
        return done ? Optional.of(issued.codes()) : Optional.empty();
    }

    /**
     * Checks what was typed at sign-in: a code from the app (refused when its time step, or a newer one, was used
     * already) or an unused recovery code, which is spent.
     */
    public boolean check(String customerId, String given) {
        String typed = given == null ? "" : given.strip();
        if (typed.isEmpty() || typed.length() > 64) {
            return false;
        }
        if (typed.replace(" ", "").chars().allMatch(Character::isDigit)) {
            return useTotpCode(customerId, typed);
        }
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE staff_recovery_code SET used_at = :at
                        WHERE customer_id = :id AND code_hash = :hash AND used_at IS NULL""")
                .bind("at", clock.millis()).bind("id", customerId).bind("hash", RecoveryCodes.digest(typed))
                .execute() == 1);
    }

    /** Switches the second factor off when a current code from the app is given. */
    public boolean disable(String customerId, String code) {
        if (code == null || !useTotpCode(customerId, code.strip())) {
            return false;
        }
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM staff_recovery_code WHERE customer_id = :id").bind("id", customerId).execute();
            h.createUpdate("DELETE FROM staff_totp WHERE customer_id = :id").bind("id", customerId).execute();
        });
        return true;
    }

    /**
     * Removes an account's second factor without a code, when another staff member (an ADMIN) resets it for someone who
     * lost the app and the recovery codes; the account signs in with its password alone until it sets one up again.
     *
     * @return whether there was one
     */
    public boolean reset(String customerId) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM staff_recovery_code WHERE customer_id = :id").bind("id", customerId).execute();
            return h.createUpdate("DELETE FROM staff_totp WHERE customer_id = :id").bind("id", customerId).execute() > 0;
        });
    }

    public int recoveryCodesLeft(String customerId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM staff_recovery_code WHERE customer_id = :id AND used_at IS NULL")
                .bind("id", customerId).mapTo(Integer.class).one());
    }

    private boolean useTotpCode(String customerId, String code) {
        Optional<String> sealed = jdbi.withHandle(h -> h.createQuery(
                        "SELECT secret FROM staff_totp WHERE customer_id = :id AND confirmed_at IS NOT NULL")
                .bind("id", customerId).mapTo(String.class).findOne());
        if (sealed.isEmpty()) {
            return false;
        }
        OptionalLong step = totp.verify(Base32.decode(secrets.open(sealed.get())), code, clock.instant());
        if (step.isEmpty()) {
            return false;
        }
        // Accepted only when no code of this step or a later one was: two requests with the same code cannot both pass.
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE staff_totp SET last_used_step = :step
                        WHERE customer_id = :id AND confirmed_at IS NOT NULL AND last_used_step < :step""")
                .bind("step", step.getAsLong()).bind("id", customerId).execute() == 1);
    }

    private boolean isConfirmed(Handle h, String customerId) {
        return h.createQuery("SELECT COUNT(*) FROM staff_totp WHERE customer_id = :id AND confirmed_at IS NOT NULL")
                .bind("id", customerId).mapTo(Integer.class).one() > 0;
    }

    private TotpEnrolment enrolment(byte[] secret, String account) {
        return new TotpEnrolment(secret, TotpEnrolment.uri(totp, ISSUER, account, secret));
    }
}
