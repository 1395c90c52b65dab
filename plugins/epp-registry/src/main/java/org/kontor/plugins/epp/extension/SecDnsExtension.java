package org.kontor.plugins.epp.extension;

import java.util.List;
import org.kontor.api.registry.DsRecord;
import org.kontor.plugins.epp.codec.EppNamespaces;
import org.kontor.plugins.epp.command.CommandExtension;
import org.kontor.plugins.epp.command.ExtensionWriter;

/** DNSSEC DS data on domain create and update (RFC 5910, secDNS-1.1, DS data interface). */
public final class SecDnsExtension {

    private static final String P = "secDNS";

    private SecDnsExtension() {
    }

    /** {@code secDNS:create} with the DS records. */
    public static CommandExtension create(List<DsRecord> records) {
        return CommandExtension.of(EppNamespaces.SEC_DNS, P, out -> {
            out.start("create");
            records.forEach(ds -> dsData(out, ds));
            out.end();
        });
    }

    /** {@code secDNS:update}: removals first, then additions (the schema's order). */
    public static CommandExtension update(List<DsRecord> add, List<DsRecord> remove) {
        return CommandExtension.of(EppNamespaces.SEC_DNS, P, out -> {
            out.start("update");
            if (!remove.isEmpty()) {
                out.start("rem");
                remove.forEach(ds -> dsData(out, ds));
                out.end();
            }
            if (!add.isEmpty()) {
                out.start("add");
                add.forEach(ds -> dsData(out, ds));
                out.end();
            }
            out.end();
        });
    }

    private static void dsData(ExtensionWriter out, DsRecord ds) {
        out.start("dsData").leaf("keyTag", Integer.toString(ds.keyTag()))
                .leaf("alg", Integer.toString(ds.algorithm())).leaf("digestType", Integer.toString(ds.digestType()))
                .leaf("digest", ds.digest()).end();
    }
}
