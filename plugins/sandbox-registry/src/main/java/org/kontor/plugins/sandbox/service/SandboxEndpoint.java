package org.kontor.plugins.sandbox.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a client finds the sandbox: its loopback address, port and the certificate to pin.
 *
 * @param port null while the sandbox is not running
 * @param certificate the PEM text of the certificate, null while the sandbox is not running
 * @param reason why the sandbox is not running, null while it runs
 */
public record SandboxEndpoint(String host, Integer port, String certificate, boolean running, String reason) {

    /** The loopback address the sandbox listens on. */
    public static final String HOST = "127.0.0.1";

    public static SandboxEndpoint running(int port, String certificate) {
        return new SandboxEndpoint(HOST, port, certificate, true, null);
    }

    public static SandboxEndpoint stopped(String reason) {
        return new SandboxEndpoint(HOST, null, null, false, reason);
    }

    /** The JSON body of the endpoint route; absent values are written as null. */
    public Map<String, Object> json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("host", host);
        body.put("port", port);
        body.put("certificate", certificate);
        body.put("running", running);
        if (!running) {
            body.put("reason", reason);
        }
        return body;
    }
}
