package org.kontor.host.payments;

import java.util.Optional;
import org.kontor.api.funding.PayableTopUps;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;

/**
 * Open top-ups as the running funding plugins (the prepaid account) answer for them through {@link PayableTopUps}; the
 * host never reads a plugin's tables. Without such a plugin there are no top-ups.
 */
public final class PluginTopUps implements TopUpDirectory {

    private final Extensions extensions;

    public PluginTopUps(Extensions extensions) {
        this.extensions = extensions;
    }

    @Override
    public Optional<OpenTopUp> open(String topUpId) {
        for (Contribution<PayableTopUps> contribution : extensions.of(PayableTopUps.class)) {
            Optional<PayableTopUps.PayableTopUp> found = contribution.extension().open(topUpId);
            if (found.isPresent()) {
                PayableTopUps.PayableTopUp topUp = found.get();
                return Optional.of(new OpenTopUp(topUp.id(), topUp.ownerId(), topUp.net()));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> topUpPage(String ownerId) {
        for (Contribution<PayableTopUps> contribution : extensions.of(PayableTopUps.class)) {
            try {
                Optional<String> page = contribution.extension().topUpPage(ownerId).filter(PluginTopUps::localPath);
                if (page.isPresent()) {
                    return page;
                }
            } catch (RuntimeException e) {
                // a failing plugin gives no link
            }
        }
        return Optional.empty();
    }

    /** A path on this host, never a link elsewhere ({@code //other.example/}). */
    private static boolean localPath(String path) {
        return path.startsWith("/") && !path.startsWith("//") && !path.contains("\\");
    }
}
