package org.kontor.plugins.banktransfer;

import org.pf4j.Plugin;

/** The bank transfer plugin; its work is done by its extensions (gateway, settings, routes, statement folder job). */
public class BankTransferPlugin extends Plugin {
}
