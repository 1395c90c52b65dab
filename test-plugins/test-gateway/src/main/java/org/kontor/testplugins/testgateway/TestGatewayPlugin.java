package org.kontor.testplugins.testgateway;

import org.pf4j.Plugin;

/** The test gateway plugin; its work is done by its extensions. */
public class TestGatewayPlugin extends Plugin {
}
