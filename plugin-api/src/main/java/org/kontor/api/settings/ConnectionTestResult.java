package org.kontor.api.settings;

/**
 * The answer of a "test connection" action.
 *
 * @param offered false when the plugin has no test to run
 */
public record ConnectionTestResult(boolean offered, boolean succeeded, String message) {

    public static ConnectionTestResult succeeded(String message) {
        return new ConnectionTestResult(true, true, message);
    }

    public static ConnectionTestResult failed(String message) {
        return new ConnectionTestResult(true, false, message);
    }

    public static ConnectionTestResult notOffered() {
        return new ConnectionTestResult(false, false, "This plugin offers no connection test.");
    }
}
