package org.kontor.host.web;

/** A named check for {@code /health}; it throws when the thing it checks is down. */
@FunctionalInterface
public interface HealthCheck {

    void check() throws Exception;
}
