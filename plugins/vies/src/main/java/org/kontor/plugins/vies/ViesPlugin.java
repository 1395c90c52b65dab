package org.kontor.plugins.vies;

import org.pf4j.Plugin;

/** The VIES plugin; its work is done by {@link ViesVatIdValidator}. */
public class ViesPlugin extends Plugin {
}
