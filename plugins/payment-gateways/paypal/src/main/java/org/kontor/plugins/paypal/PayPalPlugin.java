package org.kontor.plugins.paypal;

import org.pf4j.Plugin;

/** The PayPal plugin; its work is done by its extensions (the gateway and its settings). */
public class PayPalPlugin extends Plugin {
}
