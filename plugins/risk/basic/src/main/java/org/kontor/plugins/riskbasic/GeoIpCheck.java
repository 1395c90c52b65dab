package org.kontor.plugins.riskbasic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import java.util.Optional;
import org.kontor.api.PluginContext;
import org.kontor.api.risk.RiskAssessment;
import org.kontor.api.risk.RiskCheck;
import org.kontor.api.risk.RiskReason;
import org.kontor.api.risk.RiskSubject;
import org.pf4j.Extension;

/**
 * GeoIP: the country the client's address lies in, from the operator's MaxMind database file, against the account's
 * billing country; when they differ, points. Without a database file, a private address, an address the database
 * does not know or an account without a billing country there are none. The file is read again when it changes (a
 * monthly GeoLite2 update replaces it).
 */
@Extension
public class GeoIpCheck implements RiskCheck, AutoCloseable {

    public static final String ID = "risk-basic.geoip";

    private final PluginContext context;
    private Loaded loaded;

    /** The database as read, and the file's state it was read from. */
    private record Loaded(Path file, FileTime modified, long size, GeoIpDatabase database) {
    }

    public GeoIpCheck(PluginContext context) {
        this.context = context;
    }

    @Override
    public String checkId() {
        return ID;
    }

    @Override
    public RiskAssessment assess(RiskSubject subject) {
        RiskBasicConfig config = new RiskBasicConfig(context.settings());
        Optional<String> file = config.geoIpDatabase();
        String billing = subject.billingCountry() == null ? "" : subject.billingCountry().strip().toUpperCase(Locale.ROOT);
        Optional<InetAddress> address = Addresses.parse(subject.ipAddress()).filter(Addresses::isPublic);
        if (file.isEmpty() || billing.isEmpty() || address.isEmpty() || config.geoIpPoints() == 0) {
            return RiskAssessment.none();
        }
        Optional<String> country;
        try {
            country = database(Path.of(file.get())).country(address.get());
        } catch (IOException e) {
            throw new UncheckedIOException("GeoIP database " + file.get() + ": " + e.getMessage(), e);
        }
        if (country.isEmpty() || country.get().equals(billing)) {
            return RiskAssessment.none();
        }
        return RiskAssessment.of(new RiskReason("geoip.country-mismatch", config.geoIpPoints(),
                address.get().getHostAddress() + " is in " + country.get() + ", the billing country is " + billing));
    }

    /** Lets go of the database read (the plugin stopped). */
    @Override
    public synchronized void close() throws IOException {
        if (loaded != null) {
            loaded.database().close();
            loaded = null;
        }
    }

    private synchronized GeoIpDatabase database(Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        if (loaded != null && loaded.file().equals(file) && loaded.modified().equals(modified) && loaded.size() == size) {
            return loaded.database();
        }
        GeoIpDatabase database = GeoIpDatabase.open(file);
        if (loaded != null) {
            loaded.database().close();
        }
        loaded = new Loaded(file, modified, size, database);
        return database;
    }
}
