package org.kontor.plugins.epp.command;

import java.util.Objects;

/**
 * A transfer operation on a domain.
 *
 * @param period the period added by a transfer request, or null
 * @param authInfo the authorization password, or null (a query by the sponsoring client needs none)
 */
public record DomainTransfer(Operation operation, String name, Period period, String authInfo) implements EppCommand {

    /** The {@code op} attribute of the transfer command. */
    public enum Operation {
        REQUEST("request"), QUERY("query"), APPROVE("approve"), REJECT("reject"), CANCEL("cancel");

        private final String code;

        Operation(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public DomainTransfer {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return "DomainTransfer[operation=" + operation + ", name=" + name + ", period=" + period + "]";
    }
}
