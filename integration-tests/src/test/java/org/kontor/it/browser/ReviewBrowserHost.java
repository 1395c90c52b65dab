package org.kontor.it.browser;

import java.time.Clock;
import java.util.Map;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.demo.DemoData;
import org.kontor.it.DemoHosts;

/** The demo with the sandbox registry, holding every order for a domain under .example in the clearing center. */
public final class ReviewBrowserHost implements BrowserHost {

    @Override
    public KontorHost start(Database database) throws Exception {
        KontorHost host = DemoHosts.start(database, Clock.systemUTC(), Map.of("KONTOR_ORDERS_REVIEW_TLDS", ".example"));
        try {
            new DemoData(host, DemoHosts.freePort()).load();
        } catch (Exception | Error e) {
            host.close();
            throw e;
        }
        return host;
    }
}
