package org.kontor.plugins.provisioning.webhook;

import org.pf4j.Plugin;

/** The webhook provisioning plugin; its work is done by its extensions (the provisioner and the settings). */
public class WebhookPlugin extends Plugin {
}
