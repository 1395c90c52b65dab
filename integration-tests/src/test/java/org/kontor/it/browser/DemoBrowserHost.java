package org.kontor.it.browser;

import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.demo.DemoData;
import org.kontor.it.DemoHosts;

/** The demo with the sandbox registry and the demo data: the storefront as {@code --dev --demo} shows it. */
public final class DemoBrowserHost implements BrowserHost {

    @Override
    public KontorHost start(Database database) throws Exception {
        KontorHost host = DemoHosts.start(database);
        try {
            new DemoData(host, DemoHosts.freePort()).load();
        } catch (Exception | Error e) {
            host.close();
            throw e;
        }
        return host;
    }
}
