package org.kontor.plugins.powerdns;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** Asks the PowerDNS server questions over DNS (UDP on loopback), as a resolver would. */
public final class Dns {

    private final SimpleResolver resolver;

    public Dns(int port) {
        resolver = new SimpleResolver(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        resolver.setTimeout(Duration.ofSeconds(3));
    }

    /** The answer to one question. */
    public Answer ask(String name, String type) throws IOException {
        Message response = resolver.send(Message.newQuery(
                Record.newRecord(Name.fromString(name), Type.value(type), DClass.IN)));
        return new Answer(Rcode.string(response.getRcode()), response.getSection(Section.ANSWER));
    }

    /** The data of the records of the asked type in the answer, as zone file text. */
    public List<String> data(String name, String type) throws IOException {
        Answer answer = ask(name, type);
        if (!answer.rcode().equals("NOERROR")) {
            throw new AssertionError(name + " " + type + ": " + answer.rcode());
        }
        return answer.records().stream().filter(record -> record.getType() == Type.value(type))
                .map(Record::rdataToString).sorted().toList();
    }

    public record Answer(String rcode, List<Record> records) {
    }
}
