package org.kontor.plugins.powerdns;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.InvalidDomainNameException;
import org.kontor.api.settings.Settings;

/**
 * The settings, read and checked.
 *
 * @param nameservers absolute host names in A-label form with the trailing dot, the first one the SOA's primary
 * @param soaContact  the SOA's mailbox as a DNS name ({@code hostmaster.example.net.}), or null for hostmaster@zone
 */
public record PowerDnsConfig(URI apiUrl, String apiKey, String serverId, List<String> nameservers, int defaultTtl,
                             String soaContact, Duration timeout) {

    public PowerDnsConfig {
        nameservers = List.copyOf(nameservers);
    }

    /** What is wrong with the settings, in English; empty when they are usable. */
    public static List<String> problems(Settings settings) {
        List<String> problems = new ArrayList<>();
        try {
            URI uri = apiUrl(settings);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                problems.add("The PowerDNS API is an http or https address.");
            }
        } catch (IllegalArgumentException e) {
            problems.add("The PowerDNS API is an http or https address.");
        }
        if (settings.get(PowerDnsSettings.API_KEY).map(String::strip).orElse("").isEmpty()) {
            problems.add("The API key is required.");
        }
        try {
            if (nameservers(settings).size() < 2) {
                problems.add("Give at least two nameservers.");
            }
        } catch (InvalidDomainNameException e) {
            problems.add("Nameserver: " + e.getMessage());
        }
        int ttl = integer(settings, PowerDnsSettings.DEFAULT_TTL, PowerDnsSettings.DEFAULT_DEFAULT_TTL);
        if (ttl < 60 || ttl > 604_800) {
            problems.add("The TTL of SOA and NS is 60 to 604800 seconds.");
        }
        if (integer(settings, PowerDnsSettings.TIMEOUT_SECONDS, PowerDnsSettings.DEFAULT_TIMEOUT_SECONDS) < 1) {
            problems.add("The time limit is a whole number of seconds, at least 1.");
        }
        try {
            soaContact(settings);
        } catch (IllegalArgumentException e) {
            problems.add("The SOA contact is an e-mail address.");
        }
        return problems;
    }

    /**
     * @throws IllegalArgumentException naming the problems when the settings are not usable
     */
    public static PowerDnsConfig of(Settings settings) {
        List<String> problems = problems(settings);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        String serverId = settings.get(PowerDnsSettings.SERVER_ID).map(String::strip).filter(id -> !id.isEmpty())
                .orElse(PowerDnsSettings.DEFAULT_SERVER_ID);
        return new PowerDnsConfig(apiUrl(settings), settings.get(PowerDnsSettings.API_KEY).orElseThrow().strip(),
                serverId, nameservers(settings),
                integer(settings, PowerDnsSettings.DEFAULT_TTL, PowerDnsSettings.DEFAULT_DEFAULT_TTL),
                soaContact(settings).orElse(null),
                Duration.ofSeconds(integer(settings, PowerDnsSettings.TIMEOUT_SECONDS,
                        PowerDnsSettings.DEFAULT_TIMEOUT_SECONDS)));
    }

    /** {@code /api/v1/servers/<id>}. */
    public String serverPath() {
        return "/api/v1/servers/" + segment(serverId);
    }

    /** {@code /api/v1/servers/<id>/zones/<zone id>}; PowerDNS's zone id of a plain name is the name with its dot. */
    public String zonePath(String absoluteOrigin) {
        return serverPath() + "/zones/" + segment(absoluteOrigin);
    }

    /** The SOA's mailbox for a zone. */
    public String soaContactFor(String absoluteOrigin) {
        return soaContact != null ? soaContact : "hostmaster." + absoluteOrigin;
    }

    @Override
    public String toString() {
        return "PowerDnsConfig[apiUrl=" + apiUrl + ", serverId=" + serverId + ", nameservers=" + nameservers + "]";
    }

    private static URI apiUrl(Settings settings) {
        String url = settings.get(PowerDnsSettings.API_URL).map(String::strip).orElse("");
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return URI.create(url);
    }

    private static List<String> nameservers(Settings settings) {
        String raw = settings.get(PowerDnsSettings.NAMESERVERS).orElse("").strip();
        List<String> hosts = new ArrayList<>();
        for (String host : raw.isEmpty() ? new String[0] : raw.split("[,\\s]+")) {
            String absolute = DomainName.of(host).ascii() + ".";
            if (!hosts.contains(absolute)) {
                hosts.add(absolute);
            }
        }
        return hosts;
    }

    /** hostmaster@example.net as the DNS name hostmaster.example.net. (dots in the local part escaped). */
    private static Optional<String> soaContact(Settings settings) {
        String raw = settings.get(PowerDnsSettings.SOA_CONTACT).map(String::strip).orElse("");
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        int at = raw.lastIndexOf('@');
        if (at < 1 || !raw.substring(0, at).matches("[A-Za-z0-9._+-]+")) {
            throw new IllegalArgumentException("not an e-mail address: " + raw);
        }
        try {
            return Optional.of(raw.substring(0, at).replace(".", "\\.").toLowerCase(Locale.ROOT) + "."
                    + DomainName.of(raw.substring(at + 1)).ascii() + ".");
        } catch (InvalidDomainNameException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static int integer(Settings settings, String key, int fallback) {
        try {
            return settings.get(key).map(String::strip).filter(value -> !value.isEmpty()).map(Integer::parseInt)
                    .orElse(fallback);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
