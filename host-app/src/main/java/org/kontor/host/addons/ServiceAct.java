package org.kontor.host.addons;

import java.util.Locale;

/** What a service operation asks the provisioner to do; {@link #wire()} is its name in keys and in the admin. */
public enum ServiceAct {
    CREATE, SUSPEND, UNSUSPEND, TERMINATE, CHANGE_PLAN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
