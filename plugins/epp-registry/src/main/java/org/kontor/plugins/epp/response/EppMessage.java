package org.kontor.plugins.epp.response;

/** What a server sends: a greeting (on connect and in answer to hello) or a response to a command. */
public sealed interface EppMessage permits Greeting, EppResponse {
}
