package org.kontor.testplugins.failing;

import org.pf4j.Plugin;

/** Throws on start, as a plugin with a broken configuration would. */
public class FailingPlugin extends Plugin {

    @Override
    public void start() {
        throw new IllegalStateException("cannot reach the payment provider at start");
    }
}
