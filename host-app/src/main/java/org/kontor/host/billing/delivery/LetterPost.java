package org.kontor.host.billing.delivery;

import java.util.Optional;
import java.util.function.Supplier;
import org.kontor.api.billing.InvoiceDelivery;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;

/** The letter post provider {@code billing.letter-post.provider} names, among the running plugins' ones. */
final class LetterPost {

    private final Extensions extensions;
    private final Supplier<Optional<String>> chosen;

    LetterPost(Extensions extensions, Supplier<Optional<String>> chosen) {
        this.extensions = extensions;
        this.chosen = chosen;
    }

    /** The configured provider's id; empty when letter post is not set up. */
    Optional<String> providerId() {
        return chosen.get().filter(id -> !id.isBlank() && !"none".equals(id));
    }

    /** The running provider with that id. */
    Optional<InvoiceDelivery> provider(String providerId) {
        for (Contribution<InvoiceDelivery> contribution : extensions.of(InvoiceDelivery.class)) {
            if (providerId.equals(contribution.extension().providerId())) {
                return Optional.of(contribution.extension());
            }
        }
        return Optional.empty();
    }
}
