package org.kontor.it.browser;

import org.kontor.database.Database;
import org.kontor.host.KontorHost;

/**
 * Starts the host a {@link BrowserTest} class drives, on the class's SQLite database. A test method may take the class's
 * host starter as a parameter (to reach what it started beside the host, such as a mail server); it is closed after the
 * host.
 */
public interface BrowserHost extends AutoCloseable {

    KontorHost start(Database database) throws Exception;

    /** Stops what {@link #start} started beside the host; nothing by default. */
    @Override
    default void close() {
    }
}
