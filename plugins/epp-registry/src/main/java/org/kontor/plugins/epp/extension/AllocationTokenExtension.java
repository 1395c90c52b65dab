package org.kontor.plugins.epp.extension;

import org.kontor.plugins.epp.codec.EppNamespaces;
import org.kontor.plugins.epp.command.CommandExtension;

/** An allocation token (RFC 8495) on a create, as the registry issued it for the name. */
public final class AllocationTokenExtension {

    private AllocationTokenExtension() {
    }

    public static CommandExtension of(String token) {
        return CommandExtension.element(EppNamespaces.ALLOCATION_TOKEN, "allocationToken", "allocationToken", token);
    }
}
