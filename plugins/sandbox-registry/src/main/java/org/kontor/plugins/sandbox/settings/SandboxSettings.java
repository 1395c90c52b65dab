package org.kontor.plugins.sandbox.settings;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.kontor.api.money.Money;

/**
 * Everything the sandbox server is told.
 *
 * @param serverId the {@code svID} of the greeting
 * @param registrars who may log in
 * @param createPrices the price of one year's registration per demo TLD (without the dot, e.g. {@code dk});
 *     only these TLDs can be registered. A renewal costs the same per year.
 * @param maxFrameBytes frames above this size, header included, end the session at once
 * @param idleTimeout a session without a frame for this long is closed
 * @param maxSessionsPerRegistrar logins beyond this many concurrent sessions of one registrar get 2502
 * @param errorsOfOneKindToClose this many errors with the same result code end the session with 2500
 * @param faults latency and faults per command name ({@code login}, {@code domain:create}, {@code poll}, ...)
 * @param rules the object rules: the .dk profile, references, transfers, credit
 */
public record SandboxSettings(String serverId, List<RegistrarAccount> registrars, Map<String, Money> createPrices,
        int maxFrameBytes, Duration idleTimeout, int maxSessionsPerRegistrar, int errorsOfOneKindToClose,
        Map<String, CommandFault> faults, RegistryRules rules) {

    /** The .dk registry's frame limit: 256 KiB. */
    public static final int DK_MAX_FRAME_BYTES = 256 * 1024;

    public SandboxSettings {
        Objects.requireNonNull(serverId, "serverId");
        registrars = List.copyOf(registrars);
        createPrices = Map.copyOf(createPrices);
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        faults = Map.copyOf(faults);
        Objects.requireNonNull(rules, "rules");
        if (maxSessionsPerRegistrar < 1 || errorsOfOneKindToClose < 1) {
            throw new IllegalArgumentException("session limits are at least 1");
        }
    }

    /** Settings with the 1.0 object rules ({@link RegistryRules#LENIENT}). */
    public SandboxSettings(String serverId, List<RegistrarAccount> registrars, Map<String, Money> createPrices,
            int maxFrameBytes, Duration idleTimeout, int maxSessionsPerRegistrar, int errorsOfOneKindToClose,
            Map<String, CommandFault> faults) {
        this(serverId, registrars, createPrices, maxFrameBytes, idleTimeout, maxSessionsPerRegistrar,
                errorsOfOneKindToClose, faults, RegistryRules.LENIENT);
    }

    /**
     * The .dk session rules: 256 KiB frames, three errors of one kind, the given idle timeout and session cap, with the 1.0
     * object rules; {@link #withRules} adds the .dk profile and the rest.
     */
    public static SandboxSettings dk(List<RegistrarAccount> registrars, Map<String, Money> createPrices,
            Duration idleTimeout, int maxSessionsPerRegistrar) {
        return new SandboxSettings("Kontor sandbox registry", registrars, createPrices, DK_MAX_FRAME_BYTES,
                idleTimeout, maxSessionsPerRegistrar, 3, Map.of());
    }

    public SandboxSettings withFaults(Map<String, CommandFault> faults) {
        return new SandboxSettings(serverId, registrars, createPrices, maxFrameBytes, idleTimeout,
                maxSessionsPerRegistrar, errorsOfOneKindToClose, faults, rules);
    }

    public SandboxSettings withRules(RegistryRules rules) {
        return new SandboxSettings(serverId, registrars, createPrices, maxFrameBytes, idleTimeout,
                maxSessionsPerRegistrar, errorsOfOneKindToClose, faults, rules);
    }

    public SandboxSettings withIdleTimeout(Duration idleTimeout) {
        return new SandboxSettings(serverId, registrars, createPrices, maxFrameBytes, idleTimeout,
                maxSessionsPerRegistrar, errorsOfOneKindToClose, faults, rules);
    }

    public CommandFault fault(String command) {
        return faults.getOrDefault(command, CommandFault.NONE);
    }

    /** Whether the domain is served with the .dk profile. */
    public boolean isDk(String domain) {
        int dot = domain.lastIndexOf('.');
        return dot > 0 && rules.dkTlds().contains(domain.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
    }

    public Optional<RegistrarAccount> registrar(String clientId) {
        return registrars.stream().filter(r -> r.clientId().equals(clientId)).findFirst();
    }
}
