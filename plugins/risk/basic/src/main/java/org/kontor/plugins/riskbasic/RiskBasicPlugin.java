package org.kontor.plugins.riskbasic;

import org.pf4j.Plugin;

/** The basic risk checks; their work is done by the extensions (the four checks, their settings and the pruning job). */
public class RiskBasicPlugin extends Plugin {
}
