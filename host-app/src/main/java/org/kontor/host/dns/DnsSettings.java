package org.kontor.host.dns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The operator's DNS settings as text, read into values. */
public final class DnsSettings {

    private DnsSettings() {
    }

    /**
     * The default records of {@code dns.default-records}: entries separated by {@code ;}, each
     * {@code name type [priority] data}, e.g. {@code @ A 192.0.2.10; www CNAME @; @ MX 10 mail.example.net}.
     */
    public static List<RecordInput> defaultRecords(String text) {
        List<RecordInput> records = new ArrayList<>();
        for (String entry : (text == null ? "" : text).split(";")) {
            String[] parts = entry.strip().split("\\s+", 3);
            if (parts.length < 3) {
                continue;
            }
            String type = parts[1].toUpperCase(Locale.ROOT);
            if (type.equals("MX") || type.equals("SRV")) {
                String[] rest = parts[2].split("\\s+", 2);
                if (rest.length == 2) {
                    records.add(new RecordInput(parts[0], type, "", rest[0], rest[1]));
                }
            } else {
                records.add(new RecordInput(parts[0], type, "", "", parts[2]));
            }
        }
        return records;
    }

    /** Host names separated by commas or spaces. */
    public static List<String> hosts(String text) {
        return Arrays.stream((text == null ? "" : text).split("[\\s,]+")).filter(host -> !host.isBlank()).toList();
    }
}
