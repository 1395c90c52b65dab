package org.kontor.plugins.sandbox.protocol;

/**
 * One frame a client sent: a hello, or a command with its clTRID.
 *
 * @param command the command (an epp-registry command record or an {@link XmlCommand}), or null for a hello
 * @param name the command's name as faults are configured ({@code hello}, {@code login}, {@code domain:create},
 *     {@code poll}, {@code balance:info}, ...)
 * @param clTRID the client transaction id, or null when the client gave none
 */
public record EppRequest(Object command, String name, String clTRID) {

    public static EppRequest hello() {
        return new EppRequest(null, "hello", null);
    }

    public boolean isHello() {
        return command == null;
    }
}
