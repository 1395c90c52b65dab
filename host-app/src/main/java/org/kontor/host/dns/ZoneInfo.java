package org.kontor.host.dns;

import java.time.Instant;
import java.util.List;
import org.kontor.api.domain.DomainName;

/**
 * A zone as the host keeps it.
 *
 * @param serial          raised by every change
 * @param publishedSerial the serial the provider serves, or null before the first publication
 */
public record ZoneInfo(DomainName domain, String customerId, String providerId, long serial, ZoneState state,
                       String lastError, Long publishedSerial, Instant publishedAt, List<StoredRecord> records) {

    public ZoneInfo {
        records = List.copyOf(records);
    }
}
