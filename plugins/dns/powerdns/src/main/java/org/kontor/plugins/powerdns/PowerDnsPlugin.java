package org.kontor.plugins.powerdns;

import org.pf4j.Plugin;

/** The PowerDNS plugin; its work is done by {@link PowerDnsProvider} and {@link PowerDnsSettings}. */
public class PowerDnsPlugin extends Plugin {
}
