package org.kontor.plugins.riskbasic;

import com.maxmind.db.Reader;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.AbstractCountryResponse;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A MaxMind DB file of countries (GeoLite2-Country, GeoIP2-Country; a City database answers its country too), read
 * into memory so that no file stays open.
 */
final class GeoIpDatabase implements Closeable {

    private final DatabaseReader reader;
    private final boolean city;

    private GeoIpDatabase(DatabaseReader reader) {
        this.reader = reader;
        this.city = reader.getMetadata().getDatabaseType().contains("City");
    }

    /** @throws IOException when the file is missing or no MaxMind DB */
    static GeoIpDatabase open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("there is no file " + file);
        }
        DatabaseReader reader = new DatabaseReader.Builder(file.toFile()).fileMode(Reader.FileMode.MEMORY).build();
        String type = reader.getMetadata().getDatabaseType();
        if (!type.contains("Country") && !type.contains("City")) {
            reader.close();
            throw new IOException("the database is of type " + type + ", not a Country or City database");
        }
        return new GeoIpDatabase(reader);
    }

    String type() {
        return reader.getMetadata().getDatabaseType();
    }

    /** The ISO 3166-1 alpha-2 code (upper case) of the country the address lies in, if the database knows it. */
    Optional<String> country(InetAddress address) throws IOException {
        try {
            Optional<? extends AbstractCountryResponse> response = city ? reader.tryCity(address)
                    : reader.tryCountry(address);
            return response.map(AbstractCountryResponse::getCountry).map(country -> country.getIsoCode())
                    .filter(code -> code != null && !code.isBlank()).map(code -> code.toUpperCase(Locale.ROOT));
        } catch (GeoIp2Exception e) {
            throw new IOException("the GeoIP database could not answer for " + address.getHostAddress(), e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
