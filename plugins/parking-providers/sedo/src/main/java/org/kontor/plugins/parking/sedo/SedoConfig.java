package org.kontor.plugins.parking.sedo;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.kontor.api.settings.Settings;

/**
 * The plugin's settings, read at the moment of use (the operator may change them at any time).
 *
 * @param partnerId   the partner id Sedo gave the operator, empty when not configured
 * @param signKey     the partner's sign key, empty when not configured
 * @param username    the Sedo account the parked domains go into, empty when not configured
 * @param password    that account's password, empty when not configured
 * @param baseUrl     the API's address, ending in a slash; each function is a path below it
 * @param nameservers Sedo's parking nameservers
 */
public record SedoConfig(Optional<String> partnerId, Optional<String> signKey, Optional<String> username,
                         Optional<String> password, URI baseUrl, List<String> nameservers, Duration timeout) {

    public static SedoConfig of(Settings settings) {
        String base = text(settings, SedoSettings.BASE_URL).orElse(SedoSettings.DEFAULT_BASE_URL);
        List<String> nameservers = text(settings, SedoSettings.NAMESERVERS).map(value -> Arrays.stream(
                value.split("[\\s,]+")).filter(host -> !host.isBlank()).toList()).orElse(List.of());
        return new SedoConfig(text(settings, SedoSettings.PARTNER_ID), text(settings, SedoSettings.SIGN_KEY),
                text(settings, SedoSettings.USERNAME), text(settings, SedoSettings.PASSWORD),
                URI.create(base.endsWith("/") ? base : base + "/"),
                nameservers.isEmpty() ? SedoSettings.DEFAULT_NAMESERVERS : nameservers,
                Duration.ofSeconds(Math.max(1, settings.number(SedoSettings.TIMEOUT_SECONDS, 10))));
    }

    /** Whether the partner's credentials are there: enough to search Sedo's listings. */
    public boolean canSearch() {
        return partnerId.isPresent() && signKey.isPresent();
    }

    /** Whether the account's credentials are there too: enough to park. */
    public boolean canPark() {
        return canSearch() && username.isPresent() && password.isPresent();
    }

    /** Without the secrets, so that the settings can be logged. */
    @Override
    public String toString() {
        return "SedoConfig[partnerId=" + partnerId.orElse("(none)") + ", signKey=" + (signKey.isPresent() ? "(set)"
                : "(none)") + ", username=" + (username.isPresent() ? "(set)" : "(none)") + ", password=" + (password.isPresent()
                ? "(set)" : "(none)") + ", baseUrl=" + baseUrl + ", nameservers=" + nameservers + ", timeout="
                + timeout + "]";
    }

    private static Optional<String> text(Settings settings, String key) {
        return settings.get(key).map(String::strip).filter(value -> !value.isEmpty());
    }
}
