package org.kontor.plugins.epp.registry;

/**
 * A command a registry profile refuses before sending it, because the registry would certainly refuse it
 * (a missing mandatory extension value, say). It becomes {@code Outcome.error(code, message)}.
 */
public class EppProfileRefusal extends RuntimeException {

    private final String code;

    public EppProfileRefusal(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
