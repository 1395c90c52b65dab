package org.kontor.plugins.epp.session;

import java.util.Objects;
import org.kontor.api.outcome.Outcome;
import org.kontor.plugins.epp.response.EppResponse;
import org.kontor.plugins.epp.response.Result;

/**
 * Maps EPP answers and failures to the host's {@link Outcome}. A command whose fate is unknown — a time-out,
 * a lost connection, or a server that ended the session (2500–2502) or failed internally (2400) — is
 * {@code UNDEFINED}: a create may have happened and has to be reconciled, never assumed absent.
 */
public final class EppOutcomes {

    private EppOutcomes() {
    }

    /**
     * The outcome of an answered command.
     *
     * @param value what a processed or pending command yields (may be null)
     */
    public static <T> Outcome<T> of(EppResponse response, T value) {
        Objects.requireNonNull(response, "response");
        Result result = response.result();
        int code = result.code();
        String reference = response.transactionId() == null ? null : response.transactionId().serverTransactionId();
        if (code == 1001) {
            return Outcome.pending(value, reference, result.message());
        }
        if (result.isSuccess()) {
            return Outcome.processed(value, reference); // 1000, 1300/1301 (poll), 1500 (logout)
        }
        if (isUnknownFate(code)) {
            return Outcome.undefined("EPP " + code + " " + message(result) + ": the command's effect is unknown");
        }
        return Outcome.error(Integer.toString(code), message(result));
    }

    /**
     * The outcome of a command that got no answer: canceled when it was certainly never sent (no session
     * could be borrowed, the login was refused), otherwise unknown, to be reconciled later.
     */
    public static <T> Outcome<T> of(Exception failure) {
        if (failure instanceof EppPoolUnavailableException || failure instanceof EppLoginException) {
            return Outcome.canceled("not sent: " + failure.getMessage());
        }
        return Outcome.undefined("no EPP answer: " + failure.getMessage());
    }

    /** 2400 (command failed at the server) and 2500–2502 (the server closed the session). */
    public static boolean isUnknownFate(int code) {
        return code == 2400 || code == 2500 || code == 2501 || code == 2502;
    }

    private static String message(Result result) {
        return result.reasons().isEmpty() ? result.message() : result.message() + ": " + String.join("; ", result.reasons());
    }
}
