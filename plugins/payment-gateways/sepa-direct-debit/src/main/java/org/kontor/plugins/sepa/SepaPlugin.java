package org.kontor.plugins.sepa;

import org.pf4j.Plugin;

/** The SEPA direct debit plugin; its work is done by its extensions. */
public class SepaPlugin extends Plugin {
}
