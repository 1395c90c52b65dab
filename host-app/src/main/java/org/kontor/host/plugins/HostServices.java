package org.kontor.host.plugins;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.mail.Mailer;
import org.kontor.api.secrets.Secrets;

/** The host services every plugin context shares. */
public record HostServices(Clock clock, Jdbi jdbi, EventPublisher events, Secrets secrets, HttpClient httpClient,
                           Mailer mailer, Path pluginDataRoot) {
}
