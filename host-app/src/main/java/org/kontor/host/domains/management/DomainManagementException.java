package org.kontor.host.domains.management;

/**
 * A domain change refused, with the reason a page and the API name it by ({@link Reason#code()}) and the HTTP status
 * the API answers with.
 *
 * @see DomainManagement
 */
public final class DomainManagementException extends RuntimeException {

    public enum Reason {
        /** No such domain, or another customer's: the same answer for both. */
        NOT_FOUND("not-found", 404),
        INVALID_NAMESERVERS("invalid-nameservers", 422),
        /** A nameserver inside the domain was given without its addresses (glue). */
        GLUE_REQUIRED("glue-required", 422),
        /** The check asked the nameservers for the zone and some did not answer; nothing was changed. */
        NAMESERVERS_SILENT("nameservers-silent", 422),
        TERMS_NOT_ACCEPTED("terms-not-accepted", 422),
        UNKNOWN_CONTACT("unknown-contact", 422),
        /** The domain is locked against transfers: no auth code until it is released. */
        LOCKED("locked", 409),
        NOT_ACTIVE("not-active", 409),
        CANCELLED("cancelled", 409),
        /** The cancellation came within the notice period before expiry. */
        NOTICE_PERIOD("notice-period", 409),
        /** The registry cannot do this at all (no updates, no contacts). */
        UNSUPPORTED("unsupported", 409),
        NOT_AT_REGISTRY("not-at-registry", 409),
        /** The registry said no. */
        REGISTRY_REFUSED("registry-refused", 502),
        /** The registry could not be reached or did not answer; nothing was recorded as changed. */
        REGISTRY_UNAVAILABLE("registry-unavailable", 503);

        private final String code;
        private final int status;

        Reason(String code, int status) {
            this.code = code;
            this.status = status;
        }

        public String code() {
            return code;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;
    private final String argument;

    /**
     * @param argument what the customer's message names besides the domain (an invalid host, a date), or ""
     */
    public DomainManagementException(Reason reason, String message, String argument) {
        super(message);
        this.reason = reason;
        this.argument = argument == null ? "" : argument;
    }

    public DomainManagementException(Reason reason, String message) {
        this(reason, message, "");
    }

    public Reason reason() {
        return reason;
    }

    public String argument() {
        return argument;
    }
}
