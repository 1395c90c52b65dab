package org.kontor.host.addons;

import java.util.List;
import java.util.Optional;
import org.kontor.api.provisioning.Provisioner;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;

/** The running {@link Provisioner} extensions, by id. */
public final class Provisioners {

    private final Extensions extensions;

    public Provisioners(Extensions extensions) {
        this.extensions = extensions;
    }

    public Optional<Provisioner> find(String provisionerId) {
        return extensions.of(Provisioner.class).stream().map(Contribution::extension)
                .filter(provisioner -> provisionerId.equals(safeId(provisioner))).findFirst();
    }

    /** The ids of the running provisioners, for the operator to choose from. */
    public List<String> ids() {
        return extensions.of(Provisioner.class).stream().map(Contribution::extension).map(Provisioners::safeId)
                .filter(id -> id != null).distinct().sorted().toList();
    }

    private static String safeId(Provisioner provisioner) {
        try {
            return provisioner.provisionerId();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
