package org.kontor.plugins.aftermarketdemo;

import org.pf4j.Plugin;

/** The demo aftermarket plugin; its work is done by {@link DemoAftermarket}. */
public class AftermarketDemoPlugin extends Plugin {
}
