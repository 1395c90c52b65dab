package org.kontor.host.verification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kontor.api.contact.PostalAddress;
import org.kontor.api.verification.AddressVerdict;
import org.kontor.api.verification.AddressVerifier;
import org.kontor.host.customers.PostalAddressCheck;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every running {@link AddressVerifier} (the host's {@link PostalCodeFormats} and the plugins') about an address:
 * INVALID from any refuses it, UNKNOWN accepts it. A verifier that throws is logged and counts as UNKNOWN.
 */
public final class AddressChecks {

    private static final Logger log = LoggerFactory.getLogger(AddressChecks.class);
    private static final Set<String> FIELDS = Set.of("postalCode", "street", "city", "region");

    /**
     * What the verifiers found together.
     *
     * @param refusals  the INVALID verdicts' problems (empty when the address is accepted)
     * @param corrected the address as the first CORRECTED verdict writes it, or the address as given
     */
    public record Result(List<String> refusals, PostalAddress corrected) {

        public Result {
            refusals = List.copyOf(refusals);
        }

        public boolean accepted() {
            return refusals.isEmpty();
        }
    }

    private final Extensions extensions;

    public AddressChecks(Extensions extensions) {
        this.extensions = extensions;
    }

    /** The check as holder contacts take it: each refusal under the field its problem names (else postalCode). */
    public PostalAddressCheck forContacts() {
        return address -> {
            Result result = check(address);
            Map<String, String> refused = new LinkedHashMap<>();
            for (String problem : result.refusals()) {
                int colon = problem.indexOf(':');
                String field = colon > 0 ? problem.substring(0, colon).strip() : "";
                String reason = colon > 0 ? problem.substring(colon + 1).strip() : problem;
                refused.putIfAbsent(FIELDS.contains(field) ? field : "postalCode", reason);
            }
            return new PostalAddressCheck.Checked(result.corrected(), refused);
        };
    }

    public Result check(PostalAddress address) {
        List<String> refusals = new ArrayList<>();
        Optional<PostalAddress> corrected = Optional.empty();
        for (Contribution<AddressVerifier> contribution : extensions.of(AddressVerifier.class)) {
            AddressVerdict verdict;
            try {
                verdict = contribution.extension().verify(address);
            } catch (RuntimeException e) {
                log.warn("Address verifier of plugin {} failed", contribution.pluginId(), e);
                continue;
            }
            if (verdict == null) {
                continue;
            }
            switch (verdict.status()) {
                case INVALID -> refusals.addAll(verdict.problems().isEmpty()
                        ? List.of("postalCode: refused by " + contribution.pluginId()) : verdict.problems());
                case CORRECTED -> {
                    if (corrected.isEmpty() && verdict.suggestion() != null) {
                        corrected = Optional.of(verdict.suggestion());
                    }
                }
                default -> {
                }
            }
        }
        return new Result(refusals, corrected.orElse(address));
    }
}
