package org.kontor.plugins.stripe;

import org.pf4j.Plugin;

/** The Stripe plugin; its work is done by its extensions (the gateway and its settings). */
public class StripePlugin extends Plugin {
}
