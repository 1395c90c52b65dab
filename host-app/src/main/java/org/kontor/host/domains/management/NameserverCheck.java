package org.kontor.host.domains.management;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Nameserver;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Whether nameservers answer for a zone (TEC-5, setting {@code domains.check-nameservers}): each is asked for the
 * zone's SOA, at its glue addresses or, without glue, at the addresses its name resolves to; a nameserver answers when
 * one of its addresses gives an authoritative SOA of the zone. Port and timeout are settings
 * ({@code domains.check-nameservers-port}, {@code domains.check-nameservers-timeout-ms}).
 */
public final class NameserverCheck {

    private final boolean enabled;
    private final int port;
    private final Duration timeout;

    public NameserverCheck(boolean enabled, int port, Duration timeout) {
        this.enabled = enabled;
        this.port = port;
        this.timeout = timeout;
    }

    public static NameserverCheck disabled() {
        return new NameserverCheck(false, 53, Duration.ofSeconds(2));
    }

    public boolean enabled() {
        return enabled;
    }

    /** The host names of the nameservers that did not answer for the zone (all asked at once); empty when off. */
    public List<String> silent(DomainName zone, List<Nameserver> nameservers) {
        if (!enabled) {
            return List.of();
        }
        List<CompletableFuture<Boolean>> answers = nameservers.stream()
                .map(ns -> CompletableFuture.supplyAsync(() -> answers(zone, ns))).toList();
        List<String> silent = new ArrayList<>();
        for (int i = 0; i < nameservers.size(); i++) {
            if (!answers.get(i).join()) {
                silent.add(nameservers.get(i).host().unicode());
            }
        }
        return silent;
    }

    private boolean answers(DomainName zone, Nameserver nameserver) {
        List<InetAddress> addresses = nameserver.addresses();
        if (addresses.isEmpty()) {
            try {
                addresses = List.of(InetAddress.getAllByName(nameserver.host().ascii()));
            } catch (UnknownHostException e) {
                return false;
            }
        }
        for (InetAddress address : addresses) {
            try {
                SimpleResolver resolver = new SimpleResolver(address);
                resolver.setPort(port);
                resolver.setTimeout(timeout);
                Name name = Name.fromString(zone.ascii() + ".");
                Message answer = resolver.send(Message.newQuery(Record.newRecord(name, Type.SOA, DClass.IN)));
                if (answer.getRcode() == Rcode.NOERROR && answer.getHeader().getFlag(Flags.AA)
                        && answer.getSection(Section.ANSWER).stream()
                        .anyMatch(r -> r.getType() == Type.SOA && r.getName().equals(name))) {
                    return true;
                }
            } catch (IOException | RuntimeException e) {
                // silent at this address; the next one may answer
            }
        }
        return false;
    }
}
