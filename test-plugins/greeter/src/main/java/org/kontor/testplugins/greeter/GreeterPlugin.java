package org.kontor.testplugins.greeter;

import org.pf4j.Plugin;

/** The greeter plugin; it needs no work at start or stop. */
public class GreeterPlugin extends Plugin {
}
