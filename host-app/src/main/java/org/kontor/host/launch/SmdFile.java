package org.kontor.host.launch;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An SMD file as the trademark clearinghouse issues it: header lines ({@code Marks:}, {@code smdID:},
 * {@code U-labels:}, {@code notBefore:}, {@code notAfter:}) and the base64 of the signed mark between
 * {@code -----BEGIN ENCODED SMD-----} and {@code -----END ENCODED SMD-----}. The headers are not signed; they are
 * kept for display only. A text with no BEGIN line is taken as the bare base64 of a signed mark.
 *
 * @param headers           the header lines by lower-cased name
 * @param encodedSignedMark the base64, without white space
 * @param signedMarkXml     the decoded signed mark
 */
public record SmdFile(Map<String, String> headers, String encodedSignedMark, byte[] signedMarkXml) {

    /** Larger than any real SMD file (a few KiB), small enough that an upload cannot tie up the host. */
    static final int MAX_LENGTH = 256 * 1024;
    private static final String BEGIN = "-----BEGIN ENCODED SMD-----";
    private static final String END = "-----END ENCODED SMD-----";

    public SmdFile {
        headers = Map.copyOf(headers);
    }

    /** @throws SmdRefusedException {@link SmdRefusal#MALFORMED} when the text is not an SMD file */
    public static SmdFile parse(String text) {
        if (text == null || text.isBlank()) {
            throw malformed("the file is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw malformed("the file is longer than " + MAX_LENGTH + " characters");
        }
        String body = text;
        Map<String, String> headers = new LinkedHashMap<>();
        int begin = text.indexOf(BEGIN);
        if (begin >= 0) {
            int end = text.indexOf(END, begin);
            if (end < 0) {
                throw malformed("the file has no " + END + " line");
            }
            for (String line : text.substring(0, begin).split("\\R")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).strip());
                }
            }
            body = text.substring(begin + BEGIN.length(), end);
        } else if (text.contains(END)) {
            throw malformed("the file has no " + BEGIN + " line");
        }
        String base64 = body.replaceAll("\\s", "");
        if (base64.isEmpty()) {
            throw malformed("the file holds no encoded signed mark");
        }
        byte[] xml;
        try {
            xml = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SmdRefusedException(SmdRefusal.MALFORMED, "the encoded signed mark is not base64", e);
        }
        return new SmdFile(headers, base64, xml);
    }

    private static SmdRefusedException malformed(String message) {
        return new SmdRefusedException(SmdRefusal.MALFORMED, message);
    }
}
