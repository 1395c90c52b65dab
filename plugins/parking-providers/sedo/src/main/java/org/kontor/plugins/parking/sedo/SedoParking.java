package org.kontor.plugins.parking.sedo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kontor.api.PluginContext;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Nameserver;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.parking.ParkingProvider;
import org.pf4j.Extension;

/**
 * Parking with Sedo: {@code DomainInsert} enters the domain into the operator's Sedo account for parking (not for
 * sale), {@code DomainDelete} takes it out. Sedo's API has no idempotency key, but both functions are idempotent for a
 * domain: a domain already in the account counts as entered, one no longer there as taken out, so a call repeated
 * after a lost answer does no harm. Until the partner's and the account's credentials are configured the provider
 * answers no nameservers, so the host does not offer it.
 *
 * <p>Outcomes: Sedo's {@code ok} is PROCESSED; a {@code SEDOFAULT} (e.g. wrong credentials) or a domain Sedo does not
 * take is ERROR with Sedo's code and text; no connection is CANCELED; a time-out, a server error or an unreadable
 * answer is UNDEFINED.
 */
@Extension
public class SedoParking implements ParkingProvider {

    public static final String PROVIDER_ID = "sedo";

    private final PluginContext context;

    public SedoParking(PluginContext context) {
        this.context = context;
    }

    @Override
    public String providerId() {
        return PROVIDER_ID;
    }

    @Override
    public String displayName() {
        return "Sedo";
    }

    @Override
    public List<Nameserver> nameservers() {
        SedoConfig config = config();
        return config.canPark() ? config.nameservers().stream().map(Nameserver::of).toList() : List.of();
    }

    @Override
    public Outcome<Void> park(IdempotencyKey key, DomainName domain) {
        String prefix = "domainentry[0]";
        return send(key, domain, "DomainInsert", List.of(
                new SedoApi.Param(prefix + "[domain]", domain.ascii()),
                new SedoApi.Param(prefix + "[forsale]", "0"),
                new SedoApi.Param(prefix + "[price]", "0"),
                new SedoApi.Param(prefix + "[minprice]", "0"),
                new SedoApi.Param(prefix + "[fixedprice]", "0"),
                new SedoApi.Param(prefix + "[currency]", "0"),
                new SedoApi.Param(prefix + "[domainlanguage]", "en")), "already");
    }

    @Override
    public Outcome<Void> unpark(IdempotencyKey key, DomainName domain) {
        return send(key, domain, "DomainDelete", List.of(new SedoApi.Param("domains[0]", domain.ascii())),
                "not in your account");
    }

    /**
     * @param meansDone the words of Sedo's message for a domain that is already as wanted (in the account, or not)
     */
    private Outcome<Void> send(IdempotencyKey key, DomainName domain, String function, List<SedoApi.Param> params,
                               String meansDone) {
        SedoConfig config = config();
        if (!config.canPark()) {
            return Outcome.error("not-configured", "Sedo parking is not configured (partner id, sign key, account).");
        }
        SedoAnswer answer = new SedoApi(context.httpClient(), config).call(function, true, params);
        context.logger().info("Sedo {} of {} ({}): {}", function, domain, key, answer.kind());
        return switch (answer.kind()) {
            case FAULT -> Outcome.error(answer.faultCode(), answer.faultString());
            case NOT_SENT -> Outcome.canceled(answer.problem());
            case UNKNOWN -> Outcome.undefined(answer.problem());
            case OK -> {
                Map<String, String> item = answer.items().stream()
                        .filter(entry -> domain.ascii().equalsIgnoreCase(entry.getOrDefault("domain", "")))
                        .findFirst().orElse(null);
                if (item == null) {
                    yield Outcome.undefined("Sedo's answer does not name " + domain.ascii());
                }
                String status = item.getOrDefault("status", "").toLowerCase(Locale.ROOT);
                String message = item.getOrDefault("message", "");
                if (status.equals("ok") || message.toLowerCase(Locale.ROOT).contains(meansDone)) {
                    yield Outcome.processed(null, domain.ascii());
                }
                yield Outcome.error("not-ok", message.isBlank() ? "Sedo did not take " + domain.ascii() : message);
            }
        };
    }

    private SedoConfig config() {
        return SedoConfig.of(context.settings());
    }
}
