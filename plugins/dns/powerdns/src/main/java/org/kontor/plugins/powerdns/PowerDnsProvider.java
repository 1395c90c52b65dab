package org.kontor.plugins.powerdns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.PluginContext;
import org.kontor.api.dns.DnsProvider;
import org.kontor.api.dns.Zone;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Nameserver;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.settings.Settings;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * Publishes zones to PowerDNS Authoritative through its HTTP API.
 *
 * <p>A zone that PowerDNS does not have is created ({@code POST .../zones}, kind Native) with its SOA, its apex NS set
 * and its records. A zone it has is compared with what it should be, and only the differences are sent in one
 * {@code PATCH}: {@code REPLACE} for each set that is new or changed, {@code DELETE} for each set no longer wanted.
 * Publishing the same zone again therefore sends nothing and leaves the serial alone. PowerDNS keeps the serial
 * ({@code SOA-EDIT-API}); the plugin owns the SOA's other fields and the apex NS set.
 *
 * <p>PowerDNS refusing a call (HTTP 4xx) is {@link Outcome#error} with its message; no answer, a time-out or a 5xx is
 * {@link Outcome#undefined}, to be published again. Settings that are not usable cancel the call before it is sent.
 * Nothing here throws. PowerDNS has no idempotency keys; the key is only logged, since whole-zone publishing is
 * idempotent by itself.
 */
@Extension
public class PowerDnsProvider implements DnsProvider {

    public static final String PROVIDER_ID = "powerdns";

    private final HttpClient http;
    private final Settings settings;
    private final Logger log;

    public PowerDnsProvider(PluginContext context) {
        this(context.httpClient(), context.settings(), context.logger());
    }

    public PowerDnsProvider(HttpClient http, Settings settings, Logger log) {
        this.http = http;
        this.settings = settings;
        this.log = log;
    }

    @Override
    public String providerId() {
        return PROVIDER_ID;
    }

    /** The configured nameservers; none while the settings are not usable. */
    @Override
    public List<Nameserver> nameservers() {
        try {
            return PowerDnsConfig.of(settings).nameservers().stream()
                    .map(host -> Nameserver.of(host.substring(0, host.length() - 1))).toList();
        } catch (IllegalArgumentException e) {
            log.warn("PowerDNS settings are not usable: {}", e.getMessage());
            return List.of();
        }
    }

    @Override
    public Outcome<Void> publish(IdempotencyKey key, Zone zone) {
        PowerDnsConfig config;
        try {
            config = PowerDnsConfig.of(settings);
        } catch (IllegalArgumentException e) {
            return Outcome.canceled("The PowerDNS settings are not usable: " + e.getMessage());
        }
        String origin = ZoneRrsets.origin(zone);
        Map<String, Rrset> wanted;
        try {
            wanted = ZoneRrsets.of(zone, config);
        } catch (RecordContent.InvalidRecordException e) {
            return Outcome.error("invalid-record", e.getMessage());
        }
        PowerDnsApi api = new PowerDnsApi(http, config, log);
        try {
            PowerDnsApi.Answer current = api.get(config.zonePath(origin));
            if (current.status() == 404) {
                PowerDnsApi.Answer created = api.post(config.serverPath() + "/zones", creation(origin, wanted));
                if (created.ok()) {
                    log.info("Created zone {} on PowerDNS with {} record sets (key {})", origin, wanted.size(), key);
                    return Outcome.processed(null, origin);
                }
                if (created.status() != 409) {
                    return refused("create zone " + origin, created);
                }
                current = api.get(config.zonePath(origin)); // created meanwhile: replace its contents
            }
            if (!current.ok()) {
                return refused("read zone " + origin, current);
            }
            return replace(api, config, origin, wanted, current.body(), key);
        } catch (PowerDnsApi.UnreachableException e) {
            return Outcome.undefined("PowerDNS did not answer: " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Publishing zone {} to PowerDNS failed (key {})", origin, key, e);
            return Outcome.undefined("Publishing to PowerDNS failed: " + e);
        }
    }

    @Override
    public Outcome<Void> remove(IdempotencyKey key, DomainName origin) {
        PowerDnsConfig config;
        try {
            config = PowerDnsConfig.of(settings);
        } catch (IllegalArgumentException e) {
            return Outcome.canceled("The PowerDNS settings are not usable: " + e.getMessage());
        }
        String absolute = origin.ascii() + ".";
        try {
            PowerDnsApi.Answer deleted = new PowerDnsApi(http, config, log).delete(config.zonePath(absolute));
            if (deleted.ok() || deleted.status() == 404) {
                log.info("Removed zone {} from PowerDNS{} (key {})", absolute,
                        deleted.ok() ? "" : ", which did not have it", key);
                return Outcome.processed(null, absolute);
            }
            return refused("delete zone " + absolute, deleted);
        } catch (PowerDnsApi.UnreachableException e) {
            return Outcome.undefined("PowerDNS did not answer: " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Removing zone {} from PowerDNS failed (key {})", absolute, key, e);
            return Outcome.undefined("Removing from PowerDNS failed: " + e);
        }
    }

    private Outcome<Void> replace(PowerDnsApi api, PowerDnsConfig config, String origin, Map<String, Rrset> wanted,
                                  JsonNode zone, IdempotencyKey key) throws PowerDnsApi.UnreachableException {
        Map<String, Rrset> present = new LinkedHashMap<>();
        for (JsonNode rrset : zone.path("rrsets")) {
            Rrset set = Rrset.fromJson(rrset);
            present.put(set.key(), set);
        }
        List<ObjectNode> changes = new ArrayList<>();
        int replaced = 0;
        int deleted = 0;
        for (Rrset set : wanted.values()) {
            Rrset now = present.get(set.key());
            if (set.type().equals("SOA") && set.name().equals(origin)) {
                Rrset soa = soaChange(config, origin, now);
                if (soa != null) {
                    changes.add(soa.toJson("REPLACE"));
                    replaced++;
                }
            } else if (now == null || !now.sameAs(set)) {
                changes.add(set.toJson("REPLACE"));
                replaced++;
            }
        }
        for (Rrset set : present.values()) {
            if (!wanted.containsKey(set.key())) {
                changes.add(Rrset.deletion(set.name(), set.type()));
                deleted++;
            }
        }
        if (changes.isEmpty()) {
            log.info("Zone {} on PowerDNS is already as published (key {})", origin, key);
            return Outcome.processed(null, origin);
        }
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putArray("rrsets").addAll(changes);
        PowerDnsApi.Answer patched = api.patch(config.zonePath(origin), patch);
        if (!patched.ok()) {
            return refused("change zone " + origin, patched);
        }
        log.info("Changed zone {} on PowerDNS: {} record sets replaced, {} deleted (key {})", origin, replaced, deleted,
                key);
        return Outcome.processed(null, origin);
    }

    /** The SOA to write when its primary, contact or timers differ from the settings (serial + 1), else null. */
    private static Rrset soaChange(PowerDnsConfig config, String origin, Rrset present) {
        long serial = 0;
        if (present != null && !present.contents().isEmpty()) {
            String[] fields = present.contents().get(0).split("\\s+");
            if (fields.length == 7 && fields[2].matches("\\d+")) {
                serial = Long.parseLong(fields[2]);
                Rrset same = ZoneRrsets.soa(origin, config, serial);
                if (same.sameAs(present)) {
                    return null;
                }
            }
        }
        return ZoneRrsets.soa(origin, config, serial + 1);
    }

    private static ObjectNode creation(String origin, Map<String, Rrset> wanted) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", origin).put("kind", "Native");
        body.putArray("nameservers"); // the NS set is among the rrsets, with the configured TTL
        ArrayNode rrsets = body.putArray("rrsets");
        wanted.values().forEach(set -> rrsets.add(set.toJson("REPLACE")));
        return body;
    }

    /** A 4xx is PowerDNS refusing the call; anything else leaves the result unknown. */
    private Outcome<Void> refused(String what, PowerDnsApi.Answer answer) {
        log.warn("PowerDNS refused to {}: HTTP {}: {}", what, answer.status(), answer.errorMessage());
        if (answer.status() >= 400 && answer.status() < 500) {
            return Outcome.error(Integer.toString(answer.status()), answer.errorMessage());
        }
        return Outcome.undefined("PowerDNS answered HTTP " + answer.status() + " to " + what + ": "
                + answer.errorMessage());
    }
}
