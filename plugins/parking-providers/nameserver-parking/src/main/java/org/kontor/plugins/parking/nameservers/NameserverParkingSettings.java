package org.kontor.plugins.parking.nameservers;

import java.util.ArrayList;
import java.util.List;
import org.kontor.api.domain.DomainName;
import org.kontor.api.settings.ConnectionTestResult;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.settings.Settings;
import org.kontor.api.settings.SettingsSchema;
import org.pf4j.Extension;

/**
 * Per preset: whether it is offered to customers ({@code <id>.enabled}, on by default) and its nameservers
 * ({@code <id>.nameservers}, the provider's published ones by default). "Test connection" checks that every enabled
 * preset has two to thirteen valid host names.
 */
@Extension
public class NameserverParkingSettings implements SettingsSchema {

    @Override
    public List<SettingField> fields() {
        List<SettingField> fields = new ArrayList<>();
        for (Preset preset : Preset.ALL) {
            fields.add(SettingField.of(preset.enabledKey(), SettingType.BOOLEAN, preset.displayName() + " offered",
                    true, "true"));
            fields.add(SettingField.of(preset.nameserversKey(), SettingType.TEXT, preset.displayName() + " nameservers",
                    true, String.join(" ", preset.defaultNameservers()))
                    .withHelp("Host names separated by spaces; those " + preset.displayName() + " gives for parked "
                            + "domains in its account settings."));
        }
        return fields;
    }

    @Override
    public ConnectionTestResult testConnection(Settings candidate) {
        List<String> problems = new ArrayList<>();
        for (Preset preset : Preset.ALL) {
            if (!candidate.get(preset.enabledKey()).map(value -> Boolean.parseBoolean(value.strip())).orElse(true)) {
                continue;
            }
            List<String> hosts = PresetParking.hosts(candidate, preset);
            if (hosts.size() < 2 || hosts.size() > 13) {
                problems.add(preset.displayName() + " needs 2 to 13 nameservers.");
            }
            for (String host : hosts) {
                try {
                    DomainName.of(host);
                } catch (IllegalArgumentException e) {
                    problems.add("'" + host + "' of " + preset.displayName() + " is not a host name.");
                }
            }
        }
        return problems.isEmpty() ? ConnectionTestResult.succeeded("The nameservers of every offered preset are host "
                + "names.") : ConnectionTestResult.failed(String.join(" ", problems));
    }
}
