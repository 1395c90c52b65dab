package org.kontor.host.parking;

/** A parking request refused, with the code a page and the API name it by and the HTTP status the API answers with. */
public final class ParkingException extends RuntimeException {

    public enum Reason {
        /** No running parking provider has this id. */
        UNKNOWN_PROVIDER("parking-unknown-provider", 422),
        /** The domain is parked with another provider already: leave that first. */
        ALREADY_PARKED("parking-already-parked", 409),
        NOT_PARKED("parking-not-parked", 409),
        /** Neither the nameservers from before nor the operator's default nameservers are known. */
        NO_NAMESERVERS("parking-no-nameservers", 409),
        /** The provider refused the domain; the nameservers are as they were. */
        PROVIDER_REFUSED("parking-provider-refused", 502);

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

    /** @param argument what the customer's message names (the provider's reason), or "" */
    public ParkingException(Reason reason, String message, String argument) {
        super(message);
        this.reason = reason;
        this.argument = argument == null ? "" : argument;
    }

    public Reason reason() {
        return reason;
    }

    public String argument() {
        return argument;
    }
}
