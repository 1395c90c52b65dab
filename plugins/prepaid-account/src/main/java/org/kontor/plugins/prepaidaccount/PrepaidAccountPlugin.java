package org.kontor.plugins.prepaidaccount;

import org.pf4j.Plugin;

/** The prepaid account plugin; its work is done by its extensions. */
public class PrepaidAccountPlugin extends Plugin {
}
