package org.kontor.it.browser;

import org.kontor.database.Database;
import org.kontor.host.KontorHost;

/** Starts the host a {@link BrowserTest} class drives, on the class's SQLite database. */
public interface BrowserHost {

    KontorHost start(Database database) throws Exception;
}
