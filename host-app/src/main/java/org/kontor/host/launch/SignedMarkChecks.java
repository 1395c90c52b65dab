package org.kontor.host.launch;

import java.time.Instant;
import org.kontor.host.orders.InputError;
import org.kontor.host.orders.OrderInputException;
import org.kontor.host.orders.SignedMarks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orders' signed mark check: a refused file becomes an input error on the field, code {@code smd-<reason>}
 * (message {@code order.error.smd-<reason>}), with an English text for API clients.
 */
public final class SignedMarkChecks implements SignedMarks {

    private static final Logger LOG = LoggerFactory.getLogger(SignedMarkChecks.class);

    private final SmdValidator validator;

    public SignedMarkChecks(SmdValidator validator) {
        this.validator = validator;
    }

    @Override
    public String check(String field, String uploaded, String label, Instant now) {
        try {
            return validator.validate(uploaded, label, now).encodedSignedMark();
        } catch (SmdRefusedException e) {
            LOG.info("A signed mark data file for the label {} was refused ({}): {}", label, e.reason().code(),
                    e.getMessage());
            throw new OrderInputException(InputError.of(field, "smd-" + e.reason().code(), english(e),
                    e.args().toArray(String[]::new)));
        }
    }

    private static String english(SmdRefusedException e) {
        String arg = e.args().isEmpty() ? "" : e.args().get(0);
        return switch (e.reason()) {
            case UNAVAILABLE -> "Sunrise orders cannot be accepted now: signed mark data files cannot be checked.";
            case MALFORMED -> "The file is not a signed mark data (SMD) file: " + e.getMessage() + ".";
            case SCHEMA -> "The signed mark data (SMD) file is not valid: " + e.getMessage() + ".";
            case SIGNATURE -> "The signature of the signed mark data (SMD) file is not valid; the file may have been "
                    + "changed.";
            case UNTRUSTED -> "The signed mark data (SMD) file was not issued by the Trademark Clearinghouse.";
            case EXPIRED -> "The signed mark data (SMD) file has expired (" + arg + ").";
            case NOT_YET_VALID -> "The signed mark data (SMD) file is not valid until " + arg + ".";
            case REVOKED -> "The signed mark data (SMD) file has been revoked.";
            case LABEL_NOT_COVERED -> "The signed mark data (SMD) file does not cover the name " + arg + ".";
        };
    }
}
