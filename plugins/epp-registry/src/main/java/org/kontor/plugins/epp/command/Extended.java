package org.kontor.plugins.epp.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A command with extensions a registry profile attached. It is sent, timed and classified as the command it
 * wraps; the encoder writes the wrapped command and then its extensions (after any the command brings itself,
 * such as RGP's restore).
 */
public record Extended(EppCommand command, List<CommandExtension> extensions) implements EppCommand {

    public Extended {
        Objects.requireNonNull(command, "command");
        if (command instanceof Extended) {
            throw new IllegalArgumentException("use Extended.of to add extensions to an extended command");
        }
        extensions = List.copyOf(extensions);
    }

    /** The command with the extensions added; the command itself when there are none. */
    public static EppCommand of(EppCommand command, List<CommandExtension> extensions) {
        if (extensions.isEmpty()) {
            return command;
        }
        if (command instanceof Extended e) {
            List<CommandExtension> all = new ArrayList<>(e.extensions());
            all.addAll(extensions);
            return new Extended(e.command(), all);
        }
        return new Extended(command, extensions);
    }

    /** The command without its extensions. */
    public static EppCommand unwrap(EppCommand command) {
        return command instanceof Extended e ? e.command() : command;
    }

    /** The extensions attached to a command; empty for a plain one. */
    public static List<CommandExtension> extensionsOf(EppCommand command) {
        return command instanceof Extended e ? e.extensions() : List.of();
    }
}
