package org.kontor.plugins.epp.extension;

import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import org.kontor.api.registry.LaunchData;
import org.kontor.plugins.epp.codec.EppNamespaces;
import org.kontor.plugins.epp.command.CommandExtension;

/**
 * A create in a launch phase (RFC 8334): the phase, and in sunrise the encoded signed mark data (RFC 7848) as
 * the trademark clearinghouse issued it. The phases the schema names go as such; any other phase is sent as
 * {@code custom} with its name.
 */
public final class LaunchExtension {

    private static final Set<String> PHASES = Set.of("sunrise", "landrush", "claims", "open");
    private static final String BEGIN = "-----BEGIN ENCODED SMD-----";
    private static final String END = "-----END ENCODED SMD-----";

    private LaunchExtension() {
    }

    /**
     * @throws IllegalArgumentException when a sunrise create carries no signed mark, or one that is not base64
     */
    public static CommandExtension create(LaunchData launch) {
        String phase = launch.phase().strip().toLowerCase(Locale.ROOT);
        String smd = launch.signedMarkData() == null ? null : encodedSignedMark(launch.signedMarkData());
        if (phase.equals("sunrise") && smd == null) {
            throw new IllegalArgumentException("a sunrise application needs the signed mark data (SMD) file");
        }
        boolean known = PHASES.contains(phase);
        return CommandExtension.of(EppNamespaces.LAUNCH, "launch", out -> {
            out.start("create");
            if (smd != null) {
                out.attribute("type", "application");
            }
            out.start("phase");
            if (!known) {
                out.attribute("name", launch.phase().strip());
            }
            out.text(known ? phase : "custom").end();
            if (smd != null) {
                out.startForeign("smd", EppNamespaces.SIGNED_MARK, "encodedSignedMark")
                        .attribute("encoding", "base64").text(smd).end();
            }
            out.end();
        });
    }

    /**
     * The base64 of an SMD file: the text between its {@code BEGIN/END ENCODED SMD} lines, or the whole text
     * when it has none, without line breaks.
     */
    static String encodedSignedMark(String file) {
        String text = file;
        int begin = text.indexOf(BEGIN);
        if (begin >= 0) {
            int end = text.indexOf(END, begin);
            if (end < 0) {
                throw new IllegalArgumentException("the SMD file has no END ENCODED SMD line");
            }
            text = text.substring(begin + BEGIN.length(), end);
        }
        String base64 = text.replaceAll("\\s", "");
        if (base64.isEmpty()) {
            throw new IllegalArgumentException("the SMD file holds no encoded signed mark");
        }
        try {
            Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the encoded signed mark is not base64: " + e.getMessage(), e);
        }
        return base64;
    }
}
